namespace Nämndportal.Domain.Organisation;

/// <summary>
/// Beslutförhet (KL 6:27): more than half of the ledamöter must be present, serving ersättare counted. The
/// minutes check it for each §, after jäv.
/// </summary>
public static class Quorum
{
    /// <summary>The organ's ledamot seats on a date: every seat-holding membership valid that day.</summary>
    public static int SeatsOn(IEnumerable<Membership> memberships, DateOnly date) =>
        memberships.Count(m => m.Role.HoldsSeat() && m.IsValidOn(date));

    /// <summary>The fewest serving members that make the organ quorate.</summary>
    public static int Required(int seats)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        return seats / 2 + 1;
    }

    public static bool IsMet(int seats, int serving) => serving >= Required(seats);

    /// <summary>The seats quorum is counted on: the organ's decided number, or while that is not set, the filled seats.</summary>
    public static int SeatsFor(OrganRules rules, int filledSeats)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.NumberOfSeats ?? filledSeats;
    }
}
