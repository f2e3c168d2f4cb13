using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

public sealed record RescheduleMeeting(Guid MeetingId, uint Version, MeetingSchedule Schedule);

/// <summary>
/// Moves a meeting (time or place). Calendars take the change through the raised schedule revision; when a kallelse was
/// sent, everyone on its latest version's list is told the old and new time and place by mail and notis
/// (<see cref="NotifyMeetingChangeJob"/>).
/// </summary>
public sealed class RescheduleMeetingHandler(
    IAppDbContextFactory dbFactory, AccessService access, IValidator<MeetingSchedule> validator, TimeProvider clock, ICurrentUser user,
    IUserDirectory users, IJobScheduler jobs)
{
    public async Task<Result<Guid>> HandleAsync(RescheduleMeeting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !await access.CanAsync(Operation.ManageOrgan, meeting.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Sammanträdet");
        }

        var validation = await validator.ValidateAsync(request.Schedule, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        try
        {
            db.SetOriginalVersion(meeting, request.Version);
            var previousStart = meeting.StartsAt;
            var before = Describe(meeting);
            if (!meeting.Reschedule(request.Schedule.StartsAt, request.Schedule.EndsAt, request.Schedule.Place))
            {
                return Result<Guid>.Ok(meeting.Id);
            }

            var sender = await MeetingChangeNotices.SenderNameAsync(user, users, cancellationToken);
            var notice = await MeetingChangeNotices.AddAsync(
                db, meeting, v => MeetingChangeNotice.Moved(meeting, v, previousStart, before, Describe(meeting), clock.GetUtcNow(), sender), cancellationToken);
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

    private static string Describe(Meeting meeting) => $"{NoticeMail.When(meeting.StartsAt, meeting.EndsAt)}, {meeting.Place}";
}
