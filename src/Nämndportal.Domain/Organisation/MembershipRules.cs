namespace Nämndportal.Domain.Organisation;

/// <summary>
/// The rules a membership must keep against the organ's other memberships. Each broken rule comes back as a
/// Swedish sentence, so a form can show them all at once and an import can name the row.
/// </summary>
public static class MembershipRules
{
    /// <param name="candidate">The new or changed membership.</param>
    /// <param name="others">The organ's other memberships (the candidate itself is ignored if present).</param>
    /// <param name="term">The term the candidate belongs to, if any: the membership must lie within it.</param>
    public static IReadOnlyList<string> Check(Membership candidate, IEnumerable<Membership> others, Term? term = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        others = others.ToList();
        var problems = new List<string>();
        var rivals = others.Where(o => o.Id != candidate.Id && o.OrganId == candidate.OrganId && o.Overlaps(candidate)).ToList();

        if (rivals.Any(o => o.PersonId == candidate.PersonId))
        {
            problems.Add("Personen har redan ett uppdrag i organet under samma tid.");
        }

        if (candidate.Role == MembershipRole.Ordforande && rivals.Any(o => o.Role == MembershipRole.Ordforande))
        {
            problems.Add("Organet har redan en ordförande under den tiden.");
        }

        foreach (var vice in new[] { MembershipRole.ForsteViceOrdforande, MembershipRole.AndreViceOrdforande })
        {
            if (candidate.Role == vice && rivals.Any(o => o.Role == vice))
            {
                problems.Add($"Organet har redan en {vice.SwedishName().ToLowerInvariant()} under den tiden.");
            }
        }

        if (candidate.CallInOrder is { } order && rivals.Any(o =>
                o.Role == MembershipRole.Ersattare && o.PartyId == candidate.PartyId && o.CallInOrder == order))
        {
            problems.Add($"Inkallelseordning {order} används redan av en annan ersättare för samma parti.");
        }

        if (candidate.PersonalSubstituteFor is { } ledamotId)
        {
            var ledamot = others.FirstOrDefault(o => o.Id == ledamotId);
            if (ledamot is null || ledamot.OrganId != candidate.OrganId || !ledamot.Role.HoldsSeat())
            {
                problems.Add("En personlig ersättare ska stå för en ledamot i samma organ.");
            }
            else if (rivals.Any(o => o.PersonalSubstituteFor == ledamotId))
            {
                problems.Add("Ledamoten har redan en personlig ersättare under den tiden.");
            }
        }

        if (candidate.Replaces is { } replacedId)
        {
            var replaced = others.FirstOrDefault(o => o.Id == replacedId);
            if (replaced is null || replaced.OrganId != candidate.OrganId)
            {
                problems.Add("Ett fyllnadsval efterträder ett uppdrag i samma organ.");
            }
            else if (replaced.ValidTo is not { } lastDay || lastDay >= candidate.ValidFrom)
            {
                problems.Add("Uppdraget som efterträds måste ha slutat innan det nya börjar.");
            }
        }

        if (term is not null && (!term.Contains(candidate.ValidFrom) || candidate.ValidTo is not { } end || !term.Contains(end)))
        {
            problems.Add($"Uppdraget måste ligga inom mandatperioden {term.Name} ({term.StartsOn:yyyy-MM-dd} – {term.EndsOn:yyyy-MM-dd}).");
        }

        return problems;
    }
}
