using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Meetings;

public sealed record RescheduleMeeting(Guid MeetingId, uint Version, MeetingSchedule Schedule);

/// <summary>
/// Moves a meeting (time or place). Calendars take the change through the raised schedule revision.
/// </summary>
public sealed class RescheduleMeetingHandler(
    IAppDbContextFactory dbFactory, AccessService access, IValidator<MeetingSchedule> validator)
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
            if (!meeting.Reschedule(request.Schedule.StartsAt, request.Schedule.EndsAt, request.Schedule.Place))
            {
                return Result<Guid>.Ok(meeting.Id);
            }

            return await db.SaveOrConflictAsync(meeting, meeting.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
