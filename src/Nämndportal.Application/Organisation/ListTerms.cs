using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Organisation;

public sealed record TermRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, uint Version);

/// <summary>The mandatperioder, newest first (reference data: any signed-in user may list them).</summary>
public sealed class ListTermsHandler(IAppDbContextFactory dbFactory)
{
    public async Task<IReadOnlyList<TermRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Terms.AsNoTracking().OrderByDescending(t => t.StartsOn)
            .Select(t => new TermRow(t.Id, t.Name, t.StartsOn, t.EndsOn, t.Version)).ToListAsync(cancellationToken);
    }
}
