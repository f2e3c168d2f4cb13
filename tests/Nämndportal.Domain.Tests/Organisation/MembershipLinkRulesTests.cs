using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class MembershipLinkRulesTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Fact]
    public void Personal_ersättare_must_stand_for_a_ledamot_of_the_same_organ()
    {
        var otherOrganLedamot = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, Start, null);
        var candidate = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ersattare, Start, null, personalSubstituteFor: otherOrganLedamot.Id);
        MembershipRules.Check(candidate, [otherOrganLedamot]).ShouldContain("En personlig ersättare ska stå för en ledamot i samma organ.");
    }

    [Fact]
    public void Ledamot_has_at_most_one_personal_ersättare_at_a_time()
    {
        var ledamot = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ledamot, Start, null);
        var first = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ersattare, Start, null, personalSubstituteFor: ledamot.Id);
        var second = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ersattare, Start, null, personalSubstituteFor: ledamot.Id);
        MembershipRules.Check(second, [ledamot, first]).ShouldContain("Ledamoten har redan en personlig ersättare under den tiden.");
    }

    [Fact]
    public void Replacement_starts_after_the_replaced_membership_ended_in_the_same_organ()
    {
        var leaving = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ledamot, Start, new DateOnly(2025, 6, 30));
        var tooEarly = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ledamot, new DateOnly(2025, 6, 1), null, replaces: leaving.Id);
        var onTime = new Membership(Guid.NewGuid(), Organ, MembershipRole.Ledamot, new DateOnly(2025, 7, 1), null, replaces: leaving.Id);

        MembershipRules.Check(tooEarly, [leaving]).ShouldContain("Uppdraget som efterträds måste ha slutat innan det nya börjar.");
        MembershipRules.Check(onTime, [leaving]).ShouldBeEmpty();
    }
}
