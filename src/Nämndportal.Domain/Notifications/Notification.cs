using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Notifications;

/// <summary>
/// A notis: a short message to one user inside the portal (a kallelse sent, a meeting moved or cancelled), with a link
/// to what it is about. <see cref="Key"/> names the event it tells of ("kallelse:{version id}"), unique per user, so a
/// retried job never gives anyone the same notis twice.
/// </summary>
public sealed class Notification : Entity
{
    private Notification()
    {
        Text = string.Empty;
        Link = string.Empty;
        Key = string.Empty;
    }

    public Notification(Guid userId, string key, string text, string link, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("En notis måste ha en text.");
        }

        UserId = userId;
        Key = key;
        Text = text.Length <= 500 ? text : text[..497] + "…";
        Link = link;
        NotifiedAt = createdAt;
    }

    public Guid UserId { get; private set; }

    /// <summary>The event the notis tells of, e.g. "kallelse:{NoticeVersion.Id}", "ändring:{MeetingChangeNotice.Id}".</summary>
    public string Key { get; private set; }

    public string Text { get; private set; }

    /// <summary>A path inside the portal, e.g. /sammantraden/{id}.</summary>
    public string Link { get; private set; }

    /// <summary>When the notis was made (<see cref="Entity.CreatedAt"/> is the row's audit time).</summary>
    public DateTimeOffset NotifiedAt { get; private set; }

    /// <summary>When the user opened it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public static string NoticeKey(Guid noticeVersionId) => $"kallelse:{noticeVersionId}";

    public static string ChangeKey(Guid changeNoticeId) => $"ändring:{changeNoticeId}";
}
