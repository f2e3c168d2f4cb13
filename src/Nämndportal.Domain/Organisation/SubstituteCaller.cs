namespace Nämndportal.Domain.Organisation;

/// <summary>
/// Who serves for an absent ledamot (domain rule 5): first their personal ersättare, then the ersättare of
/// the same party in call-in order, then the ersättare of the parties the organ's table names, in its order.
/// An ersättare serves for one ledamot at a time.
/// </summary>
public static class SubstituteCaller
{
    /// <param name="absent">Absent ledamöter, in the order their seats are to be filled (the roster's order).</param>
    /// <param name="present">Ersättare present and not yet serving.</param>
    /// <param name="table">The organ's table of other parties to call.</param>
    /// <returns>For each absent ledamot, the ersättare called in, or null when none is left.</returns>
    public static IReadOnlyList<SubstituteCall> Call(
        IReadOnlyList<Membership> absent, IReadOnlyList<Membership> present, IReadOnlyList<SubstitutionRule> table)
    {
        ArgumentNullException.ThrowIfNull(absent);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(table);
        var available = present.Where(p => p.Role == MembershipRole.Ersattare).ToList();

        // Three passes, so that an earlier absent ledamot never takes someone a later one has a better claim to:
        // 1. each ledamot's own personal ersättare;
        var called = absent.Select(ledamot => available.FirstOrDefault(s => s.PersonalSubstituteFor == ledamot.Id)).ToList();
        available.RemoveAll(s => called.Contains(s));

        // 2. the same party's ersättare, in call-in order, for every seat still empty;
        for (var i = 0; i < absent.Count; i++)
        {
            if (called[i] is null && FirstOfParty(available, absent[i].PartyId) is { } sameParty)
            {
                called[i] = sameParty;
                available.Remove(sameParty);
            }
        }

        // 3. the organ's table of other parties, for the seats still empty.
        for (var i = 0; i < absent.Count; i++)
        {
            if (called[i] is not null)
            {
                continue;
            }

            var ledamot = absent[i];
            called[i] = table.Where(r => r.AbsentPartyId == ledamot.PartyId)
                .OrderBy(r => r.Position)
                .Select(r => FirstOfParty(available, r.SubstitutePartyId))
                .FirstOrDefault(s => s is not null);
            if (called[i] is { } fromTable)
            {
                available.Remove(fromTable);
            }
        }

        return absent.Select((ledamot, i) => new SubstituteCall(ledamot, called[i])).ToList();
    }

    private static Membership? FirstOfParty(List<Membership> available, Guid? partyId) =>
        partyId is null
            ? null
            : available.Where(s => s.PartyId == partyId).OrderBy(s => s.CallInOrder ?? int.MaxValue).FirstOrDefault();
}

public sealed record SubstituteCall(Membership Absent, Membership? Substitute);
