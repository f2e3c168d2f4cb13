using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>The case use cases' one "may this user see this case" lookup.</summary>
internal static class CaseAccess
{
    /// <summary>
    /// The case, when it exists and the user may do <paramref name="operation"/> on its organ; otherwise null, for an
    /// unknown id and a forbidden one alike, so the caller's "finns inte" answer reveals nothing.
    /// </summary>
    public static async Task<Case?> FindCaseAsync(
        this IAppDbContext db, AccessSnapshot grants, Guid caseId, CancellationToken cancellationToken,
        Operation operation = Operation.ReadCase, bool track = false)
    {
        var cases = track ? db.Cases : db.Cases.AsNoTracking();
        var @case = await cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return @case is not null && grants.Can(operation, @case.OrganId) ? @case : null;
    }
}
