using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Search;

/// <summary>The choices the search page's filters offer: only organs whose cases the user may read, and their years and handläggare.</summary>
public sealed record SearchFilters(IReadOnlyList<Lookup> Organs, IReadOnlyList<int> Years, IReadOnlyList<Lookup> CaseOfficers);

public sealed class GetSearchFiltersHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users)
{
    public async Task<SearchFilters> HandleAsync(CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        if (grants.UserId is null)
        {
            return new SearchFilters([], [], []);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = (await db.Organs.AsNoTracking().Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(cancellationToken))
            .Where(o => grants.Can(Operation.ReadCase, o.Id))
            .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .ToList();
        var ids = organs.Select(o => o.Id).ToList();
        var years = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.OrganId)).Select(c => c.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);
        var officerIds = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.OrganId) && c.CaseOfficerUserId != null)
            .Select(c => c.CaseOfficerUserId!.Value).Distinct().ToListAsync(cancellationToken);
        var names = officerIds.Count == 0 ? new Dictionary<Guid, string>() : await users.DisplayNamesAsync(officerIds, cancellationToken);

        return new SearchFilters(
            organs.Select(o => new Lookup(o.Id, $"{o.Name} ({o.ShortName})")).ToList(),
            years,
            names.Select(n => new Lookup(n.Key, n.Value)).OrderBy(l => l.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false)).ToList());
    }
}
