using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class SubstituteCallerReviewTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Fact]
    public void Same_party_ersättare_is_kept_for_their_own_party_before_the_table_lends_them_to_another()
    {
        var organ = Guid.NewGuid();
        var m = Guid.NewGuid();
        var s = Guid.NewGuid();
        var absentM = new Membership(Guid.NewGuid(), organ, MembershipRole.Ledamot, Start, null, partyId: m);
        var absentS = new Membership(Guid.NewGuid(), organ, MembershipRole.Ledamot, Start, null, partyId: s);
        var sSubstitute = new Membership(Guid.NewGuid(), organ, MembershipRole.Ersattare, Start, null, partyId: s, callInOrder: 1);
        var table = new[] { new SubstitutionRule(organ, m, 1, s) };

        var calls = SubstituteCaller.Call([absentM, absentS], [sSubstitute], table);

        calls.Single(c => c.Absent == absentS).Substitute.ShouldBe(sSubstitute, "rule 5: the party's own ersättare before the table");
        calls.Single(c => c.Absent == absentM).Substitute.ShouldBeNull();
    }
}
