using static Nämndportal.Domain.Tests.IsoDates;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class MembershipRulesTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly Guid OtherOrgan = Guid.NewGuid();
    private static readonly Guid S = Guid.NewGuid();
    private static readonly Guid M = Guid.NewGuid();
    private static readonly DateOnly TermStart = new(2023, 1, 1);
    private static readonly DateOnly TermEnd = new(2026, 12, 31);
    private static readonly Term Term = new("2023–2026", TermStart, TermEnd);

    [Fact]
    public void Second_chair_overlapping_in_time_is_rejected()
    {
        var chair = Seat(MembershipRole.Ordforande, TermStart, TermEnd);
        var second = Seat(MembershipRole.Ordforande, new DateOnly(2025, 1, 1), TermEnd);

        MembershipRules.Check(second, [chair]).ShouldBe(["Organet har redan en ordförande under den tiden."]);
    }

    [Fact]
    public void Chair_starting_on_the_previous_chairs_last_day_is_rejected()
    {
        var chair = Seat(MembershipRole.Ordforande, TermStart, new DateOnly(2024, 12, 31));
        var next = Seat(MembershipRole.Ordforande, new DateOnly(2024, 12, 31), TermEnd);

        MembershipRules.Check(next, [chair]).ShouldBe(["Organet har redan en ordförande under den tiden."]);
    }

    [Fact]
    public void Chair_elected_the_day_after_the_previous_chair_left_is_accepted()
    {
        var chair = Seat(MembershipRole.Ordforande, TermStart, new DateOnly(2024, 12, 31));
        var next = Seat(MembershipRole.Ordforande, new DateOnly(2025, 1, 1), TermEnd);

        MembershipRules.Check(next, [chair]).ShouldBeEmpty();
    }

    [Fact]
    public void Chair_of_another_organ_at_the_same_time_does_not_clash()
    {
        var chairElsewhere = Seat(MembershipRole.Ordforande, TermStart, TermEnd, organ: OtherOrgan);
        var chair = Seat(MembershipRole.Ordforande, TermStart, TermEnd);

        MembershipRules.Check(chair, [chairElsewhere]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(MembershipRole.ForsteViceOrdforande, "Organet har redan en 1:e vice ordförande under den tiden.")]
    [InlineData(MembershipRole.AndreViceOrdforande, "Organet har redan en 2:e vice ordförande under den tiden.")]
    public void Second_vice_chair_of_the_same_rank_overlapping_in_time_is_rejected(MembershipRole vice, string problem)
    {
        var existing = Seat(vice, TermStart, TermEnd);
        var second = Seat(vice, new DateOnly(2024, 3, 1), null);

        MembershipRules.Check(second, [existing]).ShouldBe([problem]);
    }

    [Theory]
    [InlineData(MembershipRole.ForsteViceOrdforande)]
    [InlineData(MembershipRole.AndreViceOrdforande)]
    public void Vice_chairs_of_the_same_rank_in_consecutive_periods_are_accepted(MembershipRole vice)
    {
        var first = Seat(vice, TermStart, new DateOnly(2025, 6, 30));
        var next = Seat(vice, new DateOnly(2025, 7, 1), TermEnd);

        MembershipRules.Check(next, [first]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(MembershipRole.ForsteViceOrdforande)]
    [InlineData(MembershipRole.AndreViceOrdforande)]
    public void Vice_chair_of_the_same_rank_in_another_organ_does_not_clash(MembershipRole vice)
    {
        var elsewhere = Seat(vice, TermStart, TermEnd, organ: OtherOrgan);
        var candidate = Seat(vice, TermStart, TermEnd);

        MembershipRules.Check(candidate, [elsewhere]).ShouldBeEmpty();
    }

    [Fact]
    public void Chair_first_and_second_vice_chair_and_ledamöter_sit_side_by_side()
    {
        var presidium = new[]
        {
            Seat(MembershipRole.Ordforande, TermStart, TermEnd),
            Seat(MembershipRole.ForsteViceOrdforande, TermStart, TermEnd),
            Seat(MembershipRole.Ledamot, TermStart, TermEnd),
            Seat(MembershipRole.Ledamot, TermStart, TermEnd),
        };

        MembershipRules.Check(Seat(MembershipRole.AndreViceOrdforande, TermStart, TermEnd), presidium).ShouldBeEmpty();
        MembershipRules.Check(Seat(MembershipRole.Ledamot, TermStart, TermEnd), presidium).ShouldBeEmpty();
    }

    [Fact]
    public void Person_with_an_overlapping_membership_in_the_same_organ_is_rejected()
    {
        var person = Guid.NewGuid();
        var asLedamot = Seat(MembershipRole.Ledamot, TermStart, TermEnd, person: person);
        var asErsattare = Substitute(S, 1, new DateOnly(2024, 1, 1), TermEnd, person: person);

        MembershipRules.Check(asErsattare, [asLedamot]).ShouldBe(["Personen har redan ett uppdrag i organet under samma tid."]);
    }

    [Fact]
    public void Person_may_sit_in_different_organs_at_the_same_time()
    {
        var person = Guid.NewGuid();
        var elsewhere = Seat(MembershipRole.Ledamot, TermStart, TermEnd, organ: OtherOrgan, person: person);
        var here = Seat(MembershipRole.Ledamot, TermStart, TermEnd, person: person);

        MembershipRules.Check(here, [elsewhere]).ShouldBeEmpty();
    }

    [Fact]
    public void Person_may_hold_consecutive_memberships_in_the_same_organ()
    {
        var person = Guid.NewGuid();
        var first = Substitute(S, 1, TermStart, new DateOnly(2024, 12, 31), person: person);
        var then = Seat(MembershipRole.Ledamot, new DateOnly(2025, 1, 1), TermEnd, person: person);

        MembershipRules.Check(then, [first]).ShouldBeEmpty();
    }

    [Fact]
    public void Call_in_order_taken_by_an_overlapping_ersättare_of_the_same_party_is_rejected()
    {
        var first = Substitute(S, 1, TermStart, TermEnd);
        var clash = Substitute(S, 1, new DateOnly(2024, 1, 1), TermEnd);

        MembershipRules.Check(clash, [first]).ShouldBe(["Inkallelseordning 1 används redan av en annan ersättare för samma parti."]);
    }

    [Fact]
    public void Same_call_in_order_in_another_party_is_accepted()
    {
        var social = Substitute(S, 1, TermStart, TermEnd);
        var moderate = Substitute(M, 1, TermStart, TermEnd);

        MembershipRules.Check(moderate, [social]).ShouldBeEmpty();
    }

    [Fact]
    public void Next_call_in_order_in_the_same_party_is_accepted()
    {
        var first = Substitute(S, 1, TermStart, TermEnd);
        var second = Substitute(S, 2, TermStart, TermEnd);

        MembershipRules.Check(second, [first]).ShouldBeEmpty();
    }

    [Fact]
    public void Call_in_order_of_an_ended_ersättare_is_free_for_the_one_elected_after()
    {
        var ended = Substitute(S, 1, TermStart, new DateOnly(2025, 6, 30));
        var successor = Substitute(S, 1, new DateOnly(2025, 7, 1), TermEnd);

        MembershipRules.Check(successor, [ended]).ShouldBeEmpty();
    }

    [Fact]
    public void Call_in_order_of_an_ersättare_in_another_organ_does_not_clash()
    {
        var elsewhere = Substitute(S, 1, TermStart, TermEnd, organ: OtherOrgan);
        var here = Substitute(S, 1, TermStart, TermEnd);

        MembershipRules.Check(here, [elsewhere]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2022-12-31", "2026-12-31")]
    [InlineData("2023-01-01", "2027-01-01")]
    [InlineData("2023-01-01", null)]
    [InlineData("2020-01-01", "2020-12-31")]
    public void Membership_reaching_outside_its_term_is_rejected(string from, string? to)
    {
        var candidate = Seat(MembershipRole.Ledamot, Day(from), to is null ? null : Day(to));

        MembershipRules.Check(candidate, [], Term).ShouldBe(["Uppdraget måste ligga inom mandatperioden 2023–2026 (2023-01-01 – 2026-12-31)."]);
    }

    [Theory]
    [InlineData("2023-01-01", "2026-12-31")]
    [InlineData("2025-07-01", "2026-12-31")]
    [InlineData("2023-01-01", "2025-06-30")]
    public void Membership_within_its_term_is_accepted(string from, string to)
    {
        var candidate = Seat(MembershipRole.Ledamot, Day(from), Day(to));

        MembershipRules.Check(candidate, [], Term).ShouldBeEmpty();
    }

    [Fact]
    public void Membership_being_edited_does_not_clash_with_its_stored_self()
    {
        var chair = Seat(MembershipRole.Ordforande, TermStart, TermEnd);
        var ersattare = Substitute(S, 1, TermStart, TermEnd);
        var stored = new[] { chair, ersattare, Seat(MembershipRole.Ledamot, TermStart, TermEnd) };

        chair.End(new DateOnly(2025, 12, 31));
        MembershipRules.Check(chair, stored, Term).ShouldBeEmpty();
        MembershipRules.Check(ersattare, stored, Term).ShouldBeEmpty();
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var person = Guid.NewGuid();
        var chair = Seat(MembershipRole.Ordforande, TermStart, TermEnd, person: person);
        var again = Seat(MembershipRole.Ordforande, TermStart, null, person: person);

        MembershipRules.Check(again, [chair], Term).ShouldBe(
        [
            "Personen har redan ett uppdrag i organet under samma tid.",
            "Organet har redan en ordförande under den tiden.",
            "Uppdraget måste ligga inom mandatperioden 2023–2026 (2023-01-01 – 2026-12-31).",
        ]);
    }

    private static Membership Seat(MembershipRole role, DateOnly from, DateOnly? to, Guid? organ = null, Guid? person = null) =>
        new(person ?? Guid.NewGuid(), organ ?? Organ, role, from, to, partyId: S);

    private static Membership Substitute(Guid party, int callInOrder, DateOnly from, DateOnly? to, Guid? organ = null, Guid? person = null) =>
        new(person ?? Guid.NewGuid(), organ ?? Organ, MembershipRole.Ersattare, from, to, partyId: party, callInOrder: callInOrder);
}
