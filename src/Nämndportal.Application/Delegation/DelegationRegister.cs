using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// What registering a delegationsbeslut for one organ is checked against, loaded once per batch: the delegationsordning's
/// versions, the position holders, the vidaredelegationer, the organ's utskott and who held which elected role when.
/// </summary>
public sealed class DelegationRegister
{
    private DelegationRegister(
        Organ organ, List<DelegationScheme> schemes, List<PositionHolder> holders, List<OnwardDelegation> onward, List<Organ> committees,
        List<(Membership Membership, string Name, Guid? UserId)> elected)
    {
        Organ = organ;
        Schemes = schemes;
        Holders = holders;
        Onward = onward;
        Committees = committees;
        Elected = elected;
    }

    public Organ Organ { get; }

    public IReadOnlyList<DelegationScheme> Schemes { get; }

    public IReadOnlyList<PositionHolder> Holders { get; }

    public IReadOnlyList<OnwardDelegation> Onward { get; }

    public IReadOnlyList<Organ> Committees { get; }

    private List<(Membership Membership, string Name, Guid? UserId)> Elected { get; }

    public static async Task<DelegationRegister?> LoadAsync(IAppDbContext db, Guid organId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organId, cancellationToken);
        if (organ is null)
        {
            return null;
        }

        var schemes = await db.DelegationSchemes.AsNoTracking().Where(s => s.OrganId == organId).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var holders = await db.PositionHolders.AsNoTracking().Where(p => p.OrganId == organId).OrderBy(p => p.Title).ThenBy(p => p.ValidFrom).ToListAsync(cancellationToken);
        var onward = await db.OnwardDelegations.AsNoTracking().Where(o => o.OrganId == organId).ToListAsync(cancellationToken);
        var committees = await db.Organs.AsNoTracking().Where(o => o.ParentId == organId && o.Kind == OrganKind.Utskott).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var elected = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganId == organId && (m.Role == MembershipRole.Ordforande || m.Role == MembershipRole.ForsteViceOrdforande || m.Role == MembershipRole.AndreViceOrdforande))
            .Join(db.Persons.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { Membership = m, p.FirstName, p.LastName, p.UserId })
            .ToListAsync(cancellationToken);
        return new DelegationRegister(organ, schemes, holders, onward, committees,
            elected.Select(e => (e.Membership, $"{e.FirstName} {e.LastName}", e.UserId)).ToList());
    }

    /// <summary>The version of the delegationsordning valid on <paramref name="date"/>.</summary>
    public DelegationScheme? SchemeOn(DateOnly date) => Schemes.LastOrDefault(s => s.IsValidOn(date));

    /// <summary>
    /// The role a delegate is written as in a row or the grid: an elected role by its Swedish name ("Ordförande"), an
    /// utskott by its name, otherwise a position title; a title naming a group is refused (rule 18).
    /// </summary>
    public DelegateRole ParseRole(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        foreach (var role in new[] { MembershipRole.Ordforande, MembershipRole.ForsteViceOrdforande, MembershipRole.AndreViceOrdforande })
        {
            if (string.Equals(role.SwedishName(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return DelegateRole.Elected(role);
            }
        }

        var committee = Committees.FirstOrDefault(c => string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.ShortName, trimmed, StringComparison.OrdinalIgnoreCase));
        if (committee is not null)
        {
            return DelegateRole.Committee(committee.Id, committee.Name);
        }

        // A title as the delegationsordning spells it, when it names one.
        var known = Schemes.SelectMany(s => s.Points).SelectMany(p => p.Delegates.Concat(p.Substitutes))
            .FirstOrDefault(d => d.Kind == DelegateKind.Position && string.Equals(d.Title, trimmed, StringComparison.OrdinalIgnoreCase));
        return known ?? DelegateRole.Position(trimmed);
    }

    /// <summary>
    /// Whether <paramref name="name"/> held <paramref name="role"/> on <paramref name="date"/>: a position from its holders, an
    /// elected role from the memberships; an utskott always decides as itself. An empty name is filled in when exactly
    /// one person held the role that day.
    /// </summary>
    public (bool Held, string Name, Guid? UserId) Holder(DelegateRole role, string? name, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(role);
        var candidates = role.Kind switch
        {
            DelegateKind.Position => Holders.Where(h => string.Equals(h.Title, role.Title, StringComparison.OrdinalIgnoreCase) && h.IsValidOn(date))
                .Select(h => (h.Name, h.UserId)).ToList(),
            DelegateKind.ElectedRole => Elected.Where(e => e.Membership.Role == role.Role && e.Membership.IsValidOn(date)).Select(e => (e.Name, e.UserId)).ToList(),
            _ => [(role.Name, (Guid?)null)],
        };
        if (role.Kind == DelegateKind.Committee)
        {
            return (true, role.Name, null);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return candidates.Count == 1 ? (true, candidates[0].Name, candidates[0].UserId) : (false, string.Empty, null);
        }

        var match = candidates.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match.Name is null ? (false, name.Trim(), null) : (true, match.Name, match.UserId);
    }
}
