using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class QuorumTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly DateOnly TermStart = new(2023, 1, 1);
    private static readonly DateOnly TermEnd = new(2026, 12, 31);

    [Theory]
    [InlineData(11, 6)]
    [InlineData(12, 7)]
    [InlineData(13, 7)]
    [InlineData(5, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    public void More_than_half_of_the_seats_must_be_filled(int seats, int required)
    {
        Quorum.Required(seats).ShouldBe(required);
    }

    [Theory]
    [InlineData(12, 6, false)]
    [InlineData(12, 7, true)]
    [InlineData(13, 6, false)]
    [InlineData(13, 7, true)]
    [InlineData(11, 5, false)]
    [InlineData(11, 6, true)]
    public void Exactly_half_is_not_a_quorum(int seats, int serving, bool met)
    {
        Quorum.IsMet(seats, serving).ShouldBe(met);
    }

    [Fact]
    public void Negative_number_of_seats_is_a_bug()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Quorum.Required(-1));
    }

    [Fact]
    public void Seats_are_the_chairs_and_ledamöter_valid_on_the_date_not_the_ersättare()
    {
        var roster = new[]
        {
            Member(MembershipRole.Ordforande, TermStart, TermEnd),
            Member(MembershipRole.ForsteViceOrdforande, TermStart, TermEnd),
            Member(MembershipRole.AndreViceOrdforande, TermStart, TermEnd),
            Member(MembershipRole.Ledamot, TermStart, TermEnd),
            Member(MembershipRole.Ledamot, TermStart, TermEnd),
            Member(MembershipRole.Ersattare, TermStart, TermEnd),
            Member(MembershipRole.Ersattare, TermStart, TermEnd),
            Member(MembershipRole.Ersattare, TermStart, TermEnd),
        };

        Quorum.SeatsOn(roster, new DateOnly(2024, 10, 1)).ShouldBe(5);
        Quorum.SeatsOn(roster, TermStart.AddDays(-1)).ShouldBe(0);
    }

    [Fact]
    public void Ended_membership_no_longer_holds_a_seat_and_its_replacement_does()
    {
        var roster = new[]
        {
            Member(MembershipRole.Ordforande, TermStart, TermEnd),
            Member(MembershipRole.Ledamot, TermStart, TermEnd),
            Member(MembershipRole.Ledamot, TermStart, new DateOnly(2025, 6, 30)),
            Member(MembershipRole.Ledamot, new DateOnly(2025, 7, 1), TermEnd),
            Member(MembershipRole.Ledamot, new DateOnly(2026, 1, 1), null),
        };

        Quorum.SeatsOn(roster, new DateOnly(2025, 6, 30)).ShouldBe(3);
        Quorum.SeatsOn(roster, new DateOnly(2025, 7, 1)).ShouldBe(3);
        Quorum.SeatsOn(roster, new DateOnly(2026, 1, 1)).ShouldBe(4);
        Quorum.SeatsOn(roster, new DateOnly(2027, 1, 1)).ShouldBe(1);
    }

    private static Membership Member(MembershipRole role, DateOnly from, DateOnly? to) =>
        new(Guid.NewGuid(), Organ, role, from, to);
}
