using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class PartyTests
{
    [Fact]
    public void National_parties_are_exactly_the_eight_riksdag_parties()
    {
        var national = Party.National();

        national.Select(p => p.Abbreviation).ShouldBe(["S", "M", "SD", "C", "V", "KD", "L", "MP"], ignoreOrder: true);
        national.ShouldAllBe(p => !p.IsLocal && p.Name.Length > 0);
    }

    [Fact]
    public void Local_party_keeps_its_trimmed_abbreviation_and_name()
    {
        var local = new Party(" EBP ", " Exempelbypartiet ", isLocal: true);

        local.Abbreviation.ShouldBe("EBP");
        local.Name.ShouldBe("Exempelbypartiet");
        local.IsLocal.ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "Exempelbypartiet")]
    [InlineData("ABCDEFGHIJKLM", "Exempelbypartiet")]
    [InlineData("EBP", " ")]
    public void Party_needs_an_abbreviation_of_at_most_twelve_characters_and_a_name(string abbreviation, string name)
    {
        Should.Throw<DomainException>(() => new Party(abbreviation, name, isLocal: true));
    }
}
