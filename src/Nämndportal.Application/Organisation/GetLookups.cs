using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Organisation;

public sealed record Lookup(Guid Id, string Name);

public sealed record OrganisationLookups(IReadOnlyList<Lookup> Organs, IReadOnlyList<Lookup> Terms, IReadOnlyList<Lookup> Parties);

/// <summary>The choices forms offer: organs, terms and parties. Names only, nothing secret.</summary>
public sealed class GetLookupsHandler(IAppDbContextFactory dbFactory)
{
    public async Task<OrganisationLookups> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking().OrderBy(o => o.Name).Select(o => new Lookup(o.Id, o.Name)).ToListAsync(cancellationToken);
        var terms = await db.Terms.AsNoTracking().OrderByDescending(t => t.StartsOn).Select(t => new Lookup(t.Id, t.Name)).ToListAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.IsLocal).ThenBy(p => p.Abbreviation)
            .Select(p => new Lookup(p.Id, p.Abbreviation + " – " + p.Name)).ToListAsync(cancellationToken);
        return new OrganisationLookups(organs, terms, parties);
    }
}
