using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record PersonDetails(
    Guid Id, uint Version, string FirstName, string LastName, string? Email, string? Phone, Guid? PartyId, string? Party,
    bool HasLogin, IReadOnlyList<MembershipHistoryRow> History);

public sealed record MembershipHistoryRow(Guid MembershipId, Guid OrganId, string Organ, string? Term, MembershipRole Role, string? Party, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A person with the history of all their memberships, newest first.</summary>
public sealed class GetPersonHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<PersonDetails>> HandleAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManagePersons, null, null, cancellationToken))
        {
            return Error.NotFound("Personen");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return Error.NotFound("Personen");
        }

        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Abbreviation, cancellationToken);
        var history = await (from m in db.Memberships.AsNoTracking()
                             join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                             join t in db.Terms.AsNoTracking() on m.TermId equals t.Id into terms
                             from t in terms.DefaultIfEmpty()
                             where m.PersonId == personId
                             orderby m.ValidFrom descending
                             select new { m, Organ = o.Name, Term = t == null ? null : t.Name })
            .ToListAsync(cancellationToken);

        return Result<PersonDetails>.Ok(new PersonDetails(
            person.Id, person.Version, person.FirstName, person.LastName, person.Email, person.Phone, person.PartyId,
            person.PartyId is { } party ? parties[party] : null, person.UserId is not null,
            history.Select(h => new MembershipHistoryRow(
                h.m.Id, h.m.OrganId, h.Organ, h.Term, h.m.Role, h.m.PartyId is { } p ? parties[p] : null, h.m.ValidFrom, h.m.ValidTo)).ToList()));
    }
}
