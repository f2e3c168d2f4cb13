using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

public sealed record CancelMeeting(Guid MeetingId, uint Version, string Reason);

/// <summary>
/// Cancels a meeting with a reason (kept on the meeting, shown in the plan and to calendars). When a kallelse was sent,
/// everyone on its latest version's list is told, with the reason, by mail and notis (<see cref="NotifyMeetingChangeJob"/>).
/// The delegationsbeslut and meddelanden its reports held are released for the next meeting.
/// </summary>
public sealed class CancelMeetingHandler(
    IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock, ICurrentUser user, IUserDirectory users, IJobScheduler jobs)
{
    public async Task<Result<Guid>> HandleAsync(CancelMeeting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !await access.CanAsync(Operation.ManageOrgan, meeting.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Sammanträdet");
        }

        try
        {
            db.SetOriginalVersion(meeting, request.Version);
            var now = clock.GetUtcNow();
            meeting.Cancel(request.Reason, now);

            // What its reports held goes on the next meeting's reports instead (rule 20: reported at a meeting held).
            await Delegation.SetAgendaReportHandler.ReleaseAsync(db, meeting, AgendaReport.DelegatedDecisions, cancellationToken);
            await Delegation.SetAgendaReportHandler.ReleaseAsync(db, meeting, AgendaReport.Messages, cancellationToken);
            var sender = await MeetingChangeNotices.SenderNameAsync(user, users, cancellationToken);
            var notice = await MeetingChangeNotices.AddAsync(db, meeting, v => MeetingChangeNotice.Cancelled(meeting, v, now, sender), cancellationToken);
            var saved = await db.SaveOrConflictAsync(meeting, meeting.Id, cancellationToken);
            if (saved.Succeeded)
            {
                MeetingChangeNotices.Enqueue(jobs, notice);
            }

            return saved;
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
