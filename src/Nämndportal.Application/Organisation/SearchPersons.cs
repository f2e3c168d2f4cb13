using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Organisation;

public sealed record SearchPersons(string? Text = null, Guid? PartyId = null, Guid? OrganId = null, bool OnlyWithCurrentMembership = false);

public sealed record PersonSummary(Guid Id, string Name, string? Party, string? Email, bool HasLogin, IReadOnlyList<string> CurrentOrgans);

/// <summary>The persons register, filtered by name or e-mail, party, organ and whether they sit anywhere today.</summary>
public sealed class SearchPersonsHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<PersonSummary>>> HandleAsync(SearchPersons request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManagePersons, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var persons = db.Persons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var pattern = "%" + request.Text.Trim().Replace("%", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311, CA1862 // Translated to PostgreSQL's lower(); no .NET culture is involved.
            persons = persons.Where(p => EF.Functions.Like((p.FirstName + " " + p.LastName).ToLower(), pattern)
                || EF.Functions.Like((p.Email ?? string.Empty).ToLower(), pattern));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (request.PartyId is { } partyId)
        {
            persons = persons.Where(p => p.PartyId == partyId);
        }

        if (request.OrganId is { } organId)
        {
            persons = persons.Where(p => db.Memberships.Any(m => m.PersonId == p.Id && m.OrganId == organId));
        }

        var found = await persons.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).Take(500).ToListAsync(cancellationToken);
        var ids = found.Select(p => p.Id).ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Abbreviation, cancellationToken);

        return Result<IReadOnlyList<PersonSummary>>.Ok(found
            .Select(p => new PersonSummary(
                p.Id, p.FullName, p.PartyId is { } party ? parties[party] : null, p.Email, p.UserId is not null,
                memberships.Where(m => m.PersonId == p.Id && m.IsValidOn(today)).Select(m => organs[m.OrganId]).Distinct().ToList()))
            .Where(p => !request.OnlyWithCurrentMembership || p.CurrentOrgans.Count > 0)
            .ToList());
    }
}
