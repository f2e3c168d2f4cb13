using static Nämndportal.Domain.Tests.IsoDates;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class MembershipTests
{
    private static readonly DateOnly TermStart = new(2023, 1, 1);
    private static readonly DateOnly TermEnd = new(2026, 12, 31);

    [Fact]
    public void Membership_ending_before_it_starts_is_rejected()
    {
        var error = Should.Throw<DomainException>(() =>
            new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 30)));
        error.Message.ShouldBe("Slutdatum kan inte ligga före startdatum.");
    }

    [Fact]
    public void Membership_of_a_single_day_is_accepted()
    {
        var day = new DateOnly(2024, 5, 1);
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, day, day);
        membership.IsValidOn(day).ShouldBeTrue();
        membership.IsValidOn(day.AddDays(1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(MembershipRole.Ordforande)]
    [InlineData(MembershipRole.ForsteViceOrdforande)]
    [InlineData(MembershipRole.AndreViceOrdforande)]
    [InlineData(MembershipRole.Ledamot)]
    public void Call_in_order_for_a_seat_holder_is_rejected(MembershipRole role)
    {
        var error = Should.Throw<DomainException>(() =>
            new Membership(Guid.NewGuid(), Guid.NewGuid(), role, TermStart, TermEnd, callInOrder: 1));
        error.Message.ShouldBe("Inkallelseordning och personlig ersättare gäller bara ersättare.");
    }

    [Theory]
    [InlineData(MembershipRole.Ordforande)]
    [InlineData(MembershipRole.ForsteViceOrdforande)]
    [InlineData(MembershipRole.AndreViceOrdforande)]
    [InlineData(MembershipRole.Ledamot)]
    public void Personal_substitute_seat_for_a_seat_holder_is_rejected(MembershipRole role)
    {
        var error = Should.Throw<DomainException>(() =>
            new Membership(Guid.NewGuid(), Guid.NewGuid(), role, TermStart, TermEnd, personalSubstituteFor: Guid.NewGuid()));
        error.Message.ShouldBe("Inkallelseordning och personlig ersättare gäller bara ersättare.");
    }

    [Fact]
    public void Ersättare_keeps_call_in_order_and_the_ledamot_they_personally_stand_in_for()
    {
        var ledamot = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);
        var ersattare = new Membership(Guid.NewGuid(), ledamot.OrganId, MembershipRole.Ersattare, TermStart, TermEnd, callInOrder: 2, personalSubstituteFor: ledamot.Id);

        ersattare.CallInOrder.ShouldBe(2);
        ersattare.PersonalSubstituteFor.ShouldBe(ledamot.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Call_in_order_below_one_is_rejected(int callInOrder)
    {
        var error = Should.Throw<DomainException>(() =>
            new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ersattare, TermStart, TermEnd, callInOrder: callInOrder));
        error.Message.ShouldBe("Inkallelseordningen börjar på 1.");
    }

    [Fact]
    public void Membership_cannot_replace_itself()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);
        Should.Throw<DomainException>(() =>
            membership.Change(MembershipRole.Ledamot, TermStart, TermEnd, null, null, null, null, replaces: membership.Id));
    }

    [Fact]
    public void Rejected_change_leaves_the_membership_as_it_was()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);

        Should.Throw<DomainException>(() =>
            membership.Change(MembershipRole.Ordforande, TermEnd, TermStart, null, null, null, null, null));

        membership.Role.ShouldBe(MembershipRole.Ledamot);
        membership.ValidFrom.ShouldBe(TermStart);
        membership.ValidTo.ShouldBe(TermEnd);
    }

    [Fact]
    public void Ending_an_open_ended_membership_sets_its_last_day()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, null);

        membership.End(new DateOnly(2025, 6, 30));

        membership.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
        membership.IsValidOn(new DateOnly(2025, 6, 30)).ShouldBeTrue();
        membership.IsValidOn(new DateOnly(2025, 7, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Ending_earlier_than_planned_shortens_the_membership()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);

        membership.End(new DateOnly(2025, 6, 30));

        membership.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void Ending_on_the_first_day_is_accepted()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);
        membership.End(TermStart);
        membership.ValidTo.ShouldBe(TermStart);
    }

    [Fact]
    public void Ending_before_the_membership_started_is_rejected()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, TermEnd);

        var error = Should.Throw<DomainException>(() => membership.End(TermStart.AddDays(-1)));

        error.Message.ShouldBe("Slutdatum kan inte ligga före startdatum.");
        membership.ValidTo.ShouldBe(TermEnd);
    }

    [Fact]
    public void Ending_after_the_current_last_day_is_rejected_as_an_extension()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, new DateOnly(2025, 6, 30));

        var error = Should.Throw<DomainException>(() => membership.End(TermEnd));

        error.Message.ShouldContain("förlänga");
        membership.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Theory]
    [InlineData("2023-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2022-12-31", false)]
    [InlineData("2027-01-01", false)]
    public void Membership_is_valid_from_its_first_to_its_last_day_inclusive(string day, bool expected)
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ersattare, TermStart, TermEnd);
        membership.IsValidOn(Day(day)).ShouldBe(expected);
    }

    [Fact]
    public void Membership_without_end_date_is_valid_indefinitely()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, TermStart, null);
        membership.IsValidOn(new DateOnly(2040, 1, 1)).ShouldBeTrue();
        membership.IsValidOn(new DateOnly(2022, 12, 31)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2023-01-01", null, "2030-01-01", "2030-12-31", true)]
    [InlineData("2025-01-01", null, "2023-01-01", null, true)]
    [InlineData("2023-01-01", "2024-12-31", "2024-12-31", null, true)]
    [InlineData("2023-01-01", "2024-12-31", "2025-01-01", null, false)]
    [InlineData("2023-01-01", "2023-06-30", "2023-07-01", "2023-12-31", false)]
    [InlineData("2023-01-01", "2026-12-31", "2024-01-01", "2024-12-31", true)]
    [InlineData("2030-01-01", null, "2023-01-01", "2029-12-31", false)]
    public void Periods_overlap_when_they_share_a_day_open_ended_ones_reaching_forever(
        string from, string? to, string otherFrom, string? otherTo, bool expected)
    {
        var one = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, Day(from), to is null ? null : Day(to));
        var other = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, Day(otherFrom), otherTo is null ? null : Day(otherTo));

        one.Overlaps(other).ShouldBe(expected);
        other.Overlaps(one).ShouldBe(expected);
    }
}
