using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Minutes;

/// <summary>A meeting's protokoll as its page links it: the id and status, when there is one the viewer may read.</summary>
public sealed record MinutesLink(Guid Id, Domain.Minutes.MinutesStatus Status);

public sealed class FindMinutesHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<MinutesLink?> HandleAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var row = await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId)
            .Select(m => new { m.Id, m.Status, m.OrganId, m.MeetingDate })
            .SingleOrDefaultAsync(cancellationToken);
        return row is not null && (grants.Can(Operation.ReadHandlingar, row.OrganId, row.MeetingDate) || grants.Can(Operation.ManageOrgan, row.OrganId))
            ? new MinutesLink(row.Id, row.Status)
            : null;
    }
}
