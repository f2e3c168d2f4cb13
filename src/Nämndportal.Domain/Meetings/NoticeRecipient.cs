using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// One person a kallelse version goes to, and the state of their e-mail. Unique per version and address: a retried
/// job finds the row already <see cref="DeliveryStatus.Sent"/> and never mails the person twice. <see cref="Version"/> makes
/// the claim (<see cref="RecordSending"/>) conditional: of two runs of the same job that both loaded the row as pending,
/// only the first to save its claim sends.
/// </summary>
public sealed class NoticeRecipient : Entity, IConcurrencyVersioned
{
    private NoticeRecipient()
    {
        Name = string.Empty;
        Capacity = string.Empty;
    }

    public NoticeRecipient(Guid noticeVersionId, string name, string? email, string capacity, Guid? personId, Guid? userId)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Mottagaren måste ha ett namn.");
        }

        NoticeVersionId = noticeVersionId;
        Name = name.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        Capacity = capacity;
        PersonId = personId;
        UserId = userId;
        Status = Email is null ? DeliveryStatus.NoAddress : DeliveryStatus.Pending;
    }

    /// <summary>The kallelse version the person is called by (for a change notice: the version whose list was told).</summary>
    public Guid NoticeVersionId { get; private set; }

    /// <summary>Set when the row is a recipient of a <see cref="MeetingChangeNotice"/> (a move or cancellation), not of the kallelse itself.</summary>
    public Guid? ChangeNoticeId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The same person, to be told of a move or cancellation (<see cref="MeetingChangeNotice"/>).</summary>
    public NoticeRecipient ForChangeNotice(Guid changeNoticeId) =>
        new(NoticeVersionId, Name, Email, Capacity, PersonId, UserId) { ChangeNoticeId = changeNoticeId };

    public string? Email { get; private set; }

    /// <summary>In what capacity they are called: "Ledamot (S)", "Ersättare (M)", "Tjänsteman", "Övrig".</summary>
    public string Capacity { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? UserId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>A short Swedish description of the last failure (never the server's raw text with addresses).</summary>
    public string? LastError { get; private set; }

    public uint Version { get; private set; }

    public bool NeedsSending => Status is DeliveryStatus.Pending or DeliveryStatus.Failed;

    /// <summary>Claims the row before the mail goes to the server (saved first), so a crash cannot lead to a second mail.</summary>
    public void RecordSending()
    {
        if (!NeedsSending)
        {
            throw new DomainException("Kallelsen har redan skickats till mottagaren.");
        }

        Attempts++;
        Status = DeliveryStatus.Sending;
    }

    /// <summary>The secretary has checked an interrupted sending and asks for it to be sent again.</summary>
    public void ReleaseForResend()
    {
        if (Status is not (DeliveryStatus.Sending or DeliveryStatus.Failed))
        {
            throw new DomainException("Bara ett avbrutet eller misslyckat utskick kan skickas igen.");
        }

        Status = DeliveryStatus.Pending;
    }

    public void RecordSent(DateTimeOffset at)
    {
        if (Status != DeliveryStatus.Sending)
        {
            throw new DomainException("Kallelsen har redan skickats till mottagaren.");
        }

        Status = DeliveryStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    public void RecordFailure(string error)
    {
        if (Status != DeliveryStatus.Sending)
        {
            throw new DomainException("Kallelsen har redan skickats till mottagaren.");
        }

        Status = DeliveryStatus.Failed;
        LastError = error;
    }
}
