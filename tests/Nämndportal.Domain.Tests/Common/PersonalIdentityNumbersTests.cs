using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Tests.Common;

public class PersonalIdentityNumbersTests
{
    [Theory]
    [InlineData("Sökanden, 19121212-1212, har överklagat.", "19121212-1212")]
    [InlineData("pnr 121212-1212 i akten", "121212-1212")]
    [InlineData("191212121212", "191212121212")]
    [InlineData("Samordningsnummer 701063-2391.", "701063-2391")]
    [InlineData("över 100 år: 121212+1212", "121212+1212")]
    public void Rule24_A_personnummer_or_samordningsnummer_with_a_valid_check_digit_is_found(string text, string found) =>
        PersonalIdentityNumbers.Find(text).ShouldBe([found]);

    [Theory]
    [InlineData("19121212-1213")] // wrong check digit
    [InlineData("Dnr OMF-2026-1212")]
    [InlineData("Telefon 0470-123456")]
    [InlineData("Beslut 2026-10-06, ordernummer 201313-1212")] // month 13
    [InlineData("Kontonummer 1234-5678901234")]
    [InlineData("Belopp 1 212 121 212 kronor")]
    public void Rule24_Numbers_that_only_look_like_one_are_not_reported(string text) =>
        PersonalIdentityNumbers.Find(text).ShouldBeEmpty();
}
