using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record ListOrgans(string? Search = null, bool IncludeEnded = false);

public sealed record OrganSummary(Guid Id, string Name, string ShortName, OrganKind Kind, string? ParentName, string CaseNumberPrefix, int Seats, DateOnly? EndedOn, bool CanManage);

/// <summary>The organs the user may see, with today's number of ledamot seats.</summary>
public sealed class ListOrgansHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganSummary>> HandleAsync(ListOrgans request, CancellationToken cancellationToken = default)
    {
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var grants = await access.SnapshotAsync(cancellationToken);

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking().ToListAsync(cancellationToken);
        var memberships = await db.Memberships.AsNoTracking().ToListAsync(cancellationToken);
        var names = organs.ToDictionary(o => o.Id, o => o.Name);
        var search = request.Search?.Trim();

        return organs
            .Where(o => grants.Can(Operation.ViewRoster, o.Id, today))
            .Where(o => request.IncludeEnded || o.IsActiveOn(today))
            .Where(o => string.IsNullOrEmpty(search)
                || o.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                || o.ShortName.Contains(search, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(o => o.ParentId is null ? o.Name : names[o.ParentId.Value] + " " + o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .Select(o => new OrganSummary(
                o.Id, o.Name, o.ShortName, o.Kind, o.ParentId is { } p ? names[p] : null, o.CaseNumberPrefix,
                Quorum.SeatsFor(o.Rules, Quorum.SeatsOn(memberships.Where(m => m.OrganId == o.Id), today)), o.EndedOn, grants.Can(Operation.ManageOrgan, o.Id, today)))
            .ToList();
    }
}
