using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>A protokoll waiting for the signed-in user's signature, with its deadline (rule 12).</summary>
public sealed record MinutesToApprove(Guid Id, string OrganName, DateOnly MeetingDate, DateOnly Due, ApprovalDeadlineStatus DeadlineStatus, string Role);

/// <summary>The protokoll out for justering that the user signs (chair or justerare) and has not signed yet.</summary>
public sealed class ListMinutesToApproveHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<MinutesToApprove>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var me = await db.Persons.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (me is not { } personId)
        {
            return [];
        }

        var waiting = await db.MeetingMinutes.AsNoTracking().Where(m => m.Status == MinutesStatus.ForApproval).ToListAsync(cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        return waiting
            .Where(m => m.Signers.Any(s => s.PersonId == personId) && m.MinutesApprovals.All(a => a.PersonId != personId))
            .OrderBy(m => m.Deadline.Due)
            .Select(m => new MinutesToApprove(m.Id, m.OrganName, m.MeetingDate, m.Deadline.Due, m.Deadline.StatusOn(today),
                m.ChairId == personId ? "ordförande" : "justerare"))
            .ToList();
    }
}
