using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// After a kallelse went out, a move or a cancellation is told to everyone on the latest version's recipient list: the
/// change notice and its recipient rows are added to the same save as the change, and <see cref="NotifyMeetingChangeJob"/>
/// mails them after it commits.
/// </summary>
internal static class MeetingChangeNotices
{
    /// <summary>Adds the notice and its recipients to <paramref name="db"/> (not saved); null when no kallelse was sent.</summary>
    public static async Task<MeetingChangeNotice?> AddAsync(
        IAppDbContext db, Meeting meeting, Func<Guid, MeetingChangeNotice> create, CancellationToken cancellationToken)
    {
        if (meeting.NoticeVersionNumber == 0)
        {
            return null;
        }

        var version = await db.NoticeVersions.AsNoTracking()
            .SingleAsync(v => v.MeetingId == meeting.Id && v.Number == meeting.NoticeVersionNumber, cancellationToken);
        var notice = create(version.Id);
        db.MeetingChangeNotices.Add(notice);
        var called = await db.NoticeRecipients.AsNoTracking()
            .Where(r => r.NoticeVersionId == version.Id && r.ChangeNoticeId == null)
            .ToListAsync(cancellationToken);
        db.NoticeRecipients.AddRange(called.Select(r => r.ForChangeNotice(notice.Id)));
        return notice;
    }

    public static void Enqueue(IJobScheduler jobs, MeetingChangeNotice? notice)
    {
        if (notice is not null)
        {
            var id = notice.Id;
            jobs.Enqueue<NotifyMeetingChangeJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }

    public static async Task<string> SenderNameAsync(ICurrentUser user, IUserDirectory users, CancellationToken cancellationToken) =>
        (user.UserId is { } id ? (await users.ContactAsync(id, cancellationToken))?.Name : null) ?? user.UserName ?? "Nämndsekreteraren";
}
