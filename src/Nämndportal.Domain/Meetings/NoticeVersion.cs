using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// One sending of a meeting's kallelse: version 1 is the kallelse, later versions are re-issues after a change, each
/// with a short change note the recipients are told. Its packs are stored once rendered and never change after.
/// </summary>
public sealed class NoticeVersion : Entity
{
    private NoticeVersion()
    {
        SentByName = string.Empty;
    }

    public NoticeVersion(Guid meetingId, int number, string? changeNote, DateTimeOffset sentAt, Guid? sentByUserId, string sentByName)
    {
        if (number < 1)
        {
            throw new DomainException("Kallelsens version börjar på 1.");
        }

        var note = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim();
        if (number > 1 && note is null)
        {
            throw new DomainException("Skriv kort vad som har ändrats. Mottagarna får veta det.");
        }

        if (note is { Length: > 1000 })
        {
            throw new DomainException("Ändringsnoteringen får ha högst 1 000 tecken.");
        }

        MeetingId = meetingId;
        Number = number;
        ChangeNote = note;
        SentAt = sentAt;
        SentByUserId = sentByUserId;
        SentByName = sentByName;
    }

    public Guid MeetingId { get; private set; }

    public int Number { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public Guid? SentByUserId { get; private set; }

    public string SentByName { get; private set; }

    /// <summary>The warnings the sender saw and confirmed (late kallelse, checks still open), as shown; null when there were none.</summary>
    public string? ConfirmedWarnings { get; private set; }

    /// <summary>Rule 3: why fullmäktige's kallelse goes up on the anslagstavla less than seven days before the meeting.</summary>
    public string? BoardLateReason { get; private set; }

    /// <summary>The background task of this version's sending, so the meeting's page shows its progress after a reload.</summary>
    public Guid? SendTaskId { get; private set; }

    /// <summary>
    /// Why the anslagstavla refused this version's kallelse when the sending job came to put it up (the meeting was
    /// cancelled meanwhile, or a retry a day later found fullmäktige's notice late with no reason given); null when it went
    /// up or the organ does not publish. The mails went all the same; the secretary publishes by hand or sends again.
    /// </summary>
    public string? BoardRefusal { get; private set; }

    public Guid? MembersPackFileId { get; private set; }

    public Guid? RedactedPackFileId { get; private set; }

    public Guid? PublicPackFileId { get; private set; }

    public bool HasPacks => MembersPackFileId is not null;

    public void RecordConfirmedWarnings(IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ConfirmedWarnings = warnings.Count == 0 ? null : string.Join("\n", warnings);
    }

    public void RecordBoardLateReason(string? reason)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        BoardLateReason = trimmed is { Length: > 1000 } ? throw new DomainException("Skälet får ha högst 1 000 tecken.") : trimmed;
    }

    public void RecordSendTask(Guid taskId) => SendTaskId = taskId;

    public void RecordBoardRefusal(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        BoardRefusal = message.Length > 1000 ? message[..1000] : message;
    }

    /// <summary>Attaches the rendered packs. Set once: a sent version's packs never change.</summary>
    public void AttachPacks(Guid membersPackFileId, Guid redactedPackFileId, Guid publicPackFileId)
    {
        if (HasPacks)
        {
            throw new DomainException("Kallelsens handlingspaket är redan sparade och kan inte bytas.");
        }

        MembersPackFileId = membersPackFileId;
        RedactedPackFileId = redactedPackFileId;
        PublicPackFileId = publicPackFileId;
    }
}
