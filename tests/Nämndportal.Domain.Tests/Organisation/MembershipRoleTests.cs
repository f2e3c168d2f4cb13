using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class MembershipRoleTests
{
    [Theory]
    [InlineData(MembershipRole.Ordforande, true, "Ordförande")]
    [InlineData(MembershipRole.ForsteViceOrdforande, true, "1:e vice ordförande")]
    [InlineData(MembershipRole.AndreViceOrdforande, true, "2:e vice ordförande")]
    [InlineData(MembershipRole.Ledamot, true, "Ledamot")]
    [InlineData(MembershipRole.Ersattare, false, "Ersättare")]
    public void Chairs_and_ledamöter_hold_a_seat_ersättare_do_not(MembershipRole role, bool holdsSeat, string swedishName)
    {
        role.HoldsSeat().ShouldBe(holdsSeat);
        role.SwedishName().ShouldBe(swedishName);
    }
}
