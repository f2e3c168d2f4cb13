using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// Besked om ändring: after a kallelse went out, a move or a cancellation is told to everyone on the latest kallelse
/// version's recipient list, by mail and notis. The recipients are <see cref="NoticeRecipient"/> rows of this notice
/// (<see cref="NoticeRecipient.ChangeNoticeId"/>), with the same never-twice delivery as the kallelse itself.
/// </summary>
public sealed class MeetingChangeNotice : Entity
{
    private MeetingChangeNotice()
    {
        Text = string.Empty;
        SentByName = string.Empty;
    }

    private MeetingChangeNotice(
        Guid meetingId, Guid noticeVersionId, MeetingChangeKind kind, DateTimeOffset announcedStartsAt, string text, DateTimeOffset at, string sentByName)
    {
        AnnouncedStartsAt = announcedStartsAt;
        MeetingId = meetingId;
        NoticeVersionId = noticeVersionId;
        Kind = kind;
        Text = text;
        SentAt = at;
        SentByName = sentByName;
    }

    public Guid MeetingId { get; private set; }

    /// <summary>The kallelse version whose recipients are told.</summary>
    public Guid NoticeVersionId { get; private set; }

    public MeetingChangeKind Kind { get; private set; }

    /// <summary>When the meeting was to start as the recipients were told (before a move): how the mail names it.</summary>
    public DateTimeOffset AnnouncedStartsAt { get; private set; }

    /// <summary>What the recipients are told: the reason (cancelled) or the old and new time and place (moved).</summary>
    public string Text { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public string SentByName { get; private set; }

    public static MeetingChangeNotice Cancelled(Meeting meeting, Guid noticeVersionId, DateTimeOffset at, string sentByName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Status != MeetingStatus.Installt)
        {
            throw new DomainException("Sammanträdet är inte inställt.");
        }

        return new MeetingChangeNotice(meeting.Id, noticeVersionId, MeetingChangeKind.Cancelled, meeting.StartsAt, meeting.CancellationReason!, at, sentByName);
    }

    /// <summary>A move: <paramref name="before"/> is how the meeting was announced ("onsdag 9 december 2026 kl. 13.00, Björken").</summary>
    public static MeetingChangeNotice Moved(
        Meeting meeting, Guid noticeVersionId, DateTimeOffset previousStartsAt, string before, string after, DateTimeOffset at, string sentByName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingChangeNotice(
            meeting.Id, noticeVersionId, MeetingChangeKind.Moved, previousStartsAt, $"Tidigare: {before}\nNu: {after}", at, sentByName);
    }
}
