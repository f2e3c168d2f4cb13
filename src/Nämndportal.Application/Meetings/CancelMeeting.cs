using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Meetings;

public sealed record CancelMeeting(Guid MeetingId, uint Version, string Reason);

/// <summary>Cancels a meeting with a reason (kept on the meeting, shown in the plan and to calendars).</summary>
public sealed class CancelMeetingHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
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
            meeting.Cancel(request.Reason, clock.GetUtcNow());
            return await db.SaveOrConflictAsync(meeting, meeting.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
