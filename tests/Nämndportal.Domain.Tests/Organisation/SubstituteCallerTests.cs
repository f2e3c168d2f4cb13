using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class SubstituteCallerTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly Guid S = Guid.NewGuid();
    private static readonly Guid M = Guid.NewGuid();
    private static readonly Guid V = Guid.NewGuid();
    private static readonly Guid MP = Guid.NewGuid();
    private static readonly DateOnly TermStart = new(2023, 1, 1);
    private static readonly DateOnly TermEnd = new(2026, 12, 31);

    [Fact]
    public void Personal_ersättare_is_called_before_the_partys_call_in_order()
    {
        var ledamot = Ledamot(S);
        var firstInParty = Ersattare(S, 1);
        var personal = Ersattare(S, 3, personalFor: ledamot);

        var call = Single(ledamot, [firstInParty, personal], []);

        call.ShouldBeSameAs(personal);
    }

    [Fact]
    public void Same_partys_ersättare_are_called_lowest_call_in_order_first()
    {
        var first = Ledamot(S);
        var second = Ledamot(S);
        var third = Ersattare(S, 3);
        var one = Ersattare(S, 1);
        var two = Ersattare(S, 2);

        var calls = SubstituteCaller.Call([first, second], [third, one, two], []);

        calls.Select(c => c.Substitute).ShouldBe([one, two]);
    }

    [Fact]
    public void Own_party_comes_before_the_table()
    {
        var ledamot = Ledamot(S);
        var fromTable = Ersattare(V, 1);
        var own = Ersattare(S, 4);

        Single(ledamot, [fromTable, own], [Rule(S, 1, V)]).ShouldBeSameAs(own);
    }

    [Fact]
    public void When_the_party_has_no_ersättare_left_the_table_is_followed_in_position_order()
    {
        var ledamot = Ledamot(S);
        var green = Ersattare(MP, 1);
        var left = Ersattare(V, 2);
        var table = new[] { Rule(S, 2, MP), Rule(S, 1, V) };

        Single(ledamot, [green, left], table).ShouldBeSameAs(left);
        Single(ledamot, [green], table).ShouldBeSameAs(green);
    }

    [Fact]
    public void Within_a_party_from_the_table_the_call_in_order_decides()
    {
        var ledamot = Ledamot(S);
        var second = Ersattare(V, 2);
        var first = Ersattare(V, 1);

        Single(ledamot, [second, first], [Rule(S, 1, V)]).ShouldBeSameAs(first);
    }

    [Fact]
    public void Table_lines_for_another_absent_party_are_not_followed()
    {
        var ledamot = Ledamot(S);
        var left = Ersattare(V, 1);

        Single(ledamot, [left], [Rule(M, 1, V)]).ShouldBeNull();
    }

    [Fact]
    public void An_ersättare_serves_for_only_one_absent_ledamot()
    {
        var first = Ledamot(S);
        var second = Ledamot(S);
        var only = Ersattare(S, 1);

        var calls = SubstituteCaller.Call([first, second], [only], []);

        calls[0].Substitute.ShouldBeSameAs(only);
        calls[1].Substitute.ShouldBeNull();
    }

    [Fact]
    public void Nobody_is_called_when_no_ersättare_is_left()
    {
        var calls = SubstituteCaller.Call([Ledamot(S)], [], [Rule(S, 1, V)]);

        calls.ShouldHaveSingleItem().Substitute.ShouldBeNull();
    }

    [Fact]
    public void Absent_personal_ersättare_makes_way_for_the_next_in_line()
    {
        var ledamot = Ledamot(S);
        _ = Ersattare(S, 1, personalFor: ledamot);
        var next = Ersattare(S, 2);

        Single(ledamot, [next], []).ShouldBeSameAs(next);
    }

    [Fact]
    public void Personal_ersättare_serves_their_own_ledamot_even_when_an_earlier_absent_ledamot_of_the_party_needs_one()
    {
        var first = Ledamot(S);
        var second = Ledamot(S);
        var personalForSecond = Ersattare(S, 1, personalFor: second);
        var left = Ersattare(V, 1);

        var calls = SubstituteCaller.Call([first, second], [personalForSecond, left], [Rule(S, 1, V)]);

        calls[0].Substitute.ShouldBeSameAs(left);
        calls[1].Substitute.ShouldBeSameAs(personalForSecond);
    }

    [Fact]
    public void Personal_ersättare_of_a_present_ledamot_may_serve_for_another_of_the_party()
    {
        var present = Ledamot(S);
        var absent = Ledamot(S);
        var personalForPresent = Ersattare(S, 1, personalFor: present);

        Single(absent, [personalForPresent], []).ShouldBeSameAs(personalForPresent);
    }

    [Fact]
    public void Only_ersättare_are_called_in()
    {
        var absent = Ledamot(S);
        var otherLedamot = Ledamot(S);

        Single(absent, [otherLedamot], []).ShouldBeNull();
    }

    [Fact]
    public void Calls_come_back_in_the_order_of_the_absent_ledamöter()
    {
        var social = Ledamot(S);
        var moderate = Ledamot(M);
        var socialSubstitute = Ersattare(S, 1);
        var moderateSubstitute = Ersattare(M, 1);

        var calls = SubstituteCaller.Call([moderate, social], [socialSubstitute, moderateSubstitute], []);

        calls.Select(c => c.Absent).ShouldBe([moderate, social]);
        calls.Select(c => c.Substitute).ShouldBe([moderateSubstitute, socialSubstitute]);
    }

    private static Membership? Single(Membership absent, Membership[] present, SubstitutionRule[] table) =>
        SubstituteCaller.Call([absent], present, table).ShouldHaveSingleItem().Substitute;

    private static Membership Ledamot(Guid party) =>
        new(Guid.NewGuid(), Organ, MembershipRole.Ledamot, TermStart, TermEnd, partyId: party);

    private static Membership Ersattare(Guid party, int callInOrder, Membership? personalFor = null) =>
        new(Guid.NewGuid(), Organ, MembershipRole.Ersattare, TermStart, TermEnd, partyId: party, callInOrder: callInOrder, personalSubstituteFor: personalFor?.Id);

    private static SubstitutionRule Rule(Guid absentParty, int position, Guid substituteParty) =>
        new(Organ, absentParty, position, substituteParty);
}
