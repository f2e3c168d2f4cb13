using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// A protokoll waiting for the signed-in user's signature, with its deadline (rule 12); or, when <see cref="Correction"/> is
/// set ("Rättelse 1 av § 61"), a rättelse of a justerat protokoll waiting for it (no deadline in law).
/// </summary>
public sealed record MinutesToApprove(Guid Id, string OrganName, DateOnly MeetingDate, DateOnly? Due, ApprovalDeadlineStatus DeadlineStatus, string Role, string? Correction = null);

/// <summary>The protokoll out for justering, and the rättelser waiting, that the user signs (chair or justerare) and has not signed yet.</summary>
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

        var waiting = await db.MeetingMinutes.AsNoTracking()
            .Where(m => m.Status == MinutesStatus.ForApproval || (m.Status == MinutesStatus.Approved && m.Corrections.Any(c => c.ApprovedAt == null)))
            .ToListAsync(cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var mine = waiting.Where(m => m.Signers.Any(s => s.PersonId == personId)).ToList();
        string Role(MeetingMinutes m) => m.ChairId == personId ? "ordförande" : "justerare";
        var protokoll = mine
            .Where(m => m.Status == MinutesStatus.ForApproval && m.MinutesApprovals.All(a => a.PersonId != personId))
            .OrderBy(m => m.Deadline.Due)
            .Select(m => new MinutesToApprove(m.Id, m.OrganName, m.MeetingDate, m.Deadline.Due, m.Deadline.StatusOn(today), Role(m)));
        var corrections = mine
            .Where(m => m.Status == MinutesStatus.Approved)
            .SelectMany(m => m.Corrections
                .Where(c => c.ApprovedAt is null && !m.Approvals.Any(a => a.CorrectionId == c.Id && a.PersonId == personId))
                .Select(c => new MinutesToApprove(m.Id, m.OrganName, m.MeetingDate, null, ApprovalDeadlineStatus.InTime, Role(m), c.Title)));
        return protokoll.Concat(corrections).ToList();
    }
}
