using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

/// <summary>One membership as rosters, exports and imports show it.</summary>
public sealed record RosterRow(
    Guid MembershipId, Guid PersonId, string FirstName, string LastName, string? Email, string? Party, MembershipRole Role,
    DateOnly ValidFrom, DateOnly? ValidTo, int? CallInOrder, string? PersonalSubstituteFor, string? Replaces, uint Version,
    Guid? TermId = null, Guid? PartyId = null, Guid? PersonalSubstituteForId = null, Guid? ReplacesId = null)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public string Name => $"{FirstName} {LastName}";

    /// <summary>"efter Anna Andersson (M)" for a replacement elected mid-term.</summary>
    public string? ReplacesText => Replaces is null ? null : $"efter {Replaces}";

    internal static async Task<List<RosterRow>> LoadAsync(IAppDbContext db, Guid organId, DateOnly? validOn, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                          join party in db.Parties.AsNoTracking() on m.PartyId equals party.Id into parties
                          from party in parties.DefaultIfEmpty()
                          where m.OrganId == organId
                          select new { m, p, Party = party == null ? null : party.Abbreviation })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.m.Id);
        string? NameOf(Guid? membershipId) =>
            membershipId is { } id && byId.TryGetValue(id, out var other)
                ? $"{other.p.FirstName} {other.p.LastName}" + (other.Party is null ? string.Empty : $" ({other.Party})")
                : null;

        return rows
            .Where(r => validOn is null || r.m.IsValidOn(validOn.Value))
            .Select(r => new RosterRow(
                r.m.Id, r.p.Id, r.p.FirstName, r.p.LastName, r.p.Email, r.Party, r.m.Role, r.m.ValidFrom, r.m.ValidTo,
                r.m.CallInOrder, NameOf(r.m.PersonalSubstituteFor), NameOf(r.m.Replaces), r.m.Version,
                r.m.TermId, r.m.PartyId, r.m.PersonalSubstituteFor, r.m.Replaces))
            .OrderBy(r => r.Role)
            .ThenBy(r => r.Party)
            .ThenBy(r => r.CallInOrder ?? 0)
            .ThenBy(r => r.LastName)
            .ToList();
    }
}
