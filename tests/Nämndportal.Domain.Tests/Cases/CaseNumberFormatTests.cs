using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Tests.Cases;

public class CaseNumberFormatTests
{
    [Theory]
    [InlineData("{prefix}-{year}-{number}", "OMF", 2024, 149, null, "OMF-2024-149")]
    [InlineData("{prefix} {year}/{number}", "SUN", 2023, 639, null, "SUN 2023/639")]
    [InlineData("{prefix} {year}/{number}", "SUN", 2023, 639, "00", "SUN 2023/639 - 00")]
    [InlineData("{prefix} {year}/{number}", "KS", 2022, 246, null, "KS 2022/246")]
    public void Numbers_are_written_as_the_organ_writes_them(string pattern, string prefix, int year, int number, string? code, string expected)
    {
        CaseNumberFormat.Parse(pattern).Format(prefix, year, number, code).ShouldBe(expected);
    }

    [Fact]
    public void Number_typed_by_hand_is_read_back_with_its_parts()
    {
        var format = CaseNumberFormat.Parse("{prefix} {year}/{number}");
        format.TryRead("SUN 2023/639 - 00", "SUN", out var year, out var number, out var code).ShouldBeTrue();
        (year, number, code).ShouldBe((2023, 639, "00"));
    }

    [Theory]
    [InlineData("SUN-2023-639")]
    [InlineData("SUN 23/639")]
    [InlineData("KS 2023/639")]
    [InlineData("SUN 2023/0")]
    [InlineData("SUN 2023/639 00")]
    [InlineData("")]
    public void Number_typed_by_hand_that_does_not_fit_the_pattern_is_refused(string text)
    {
        CaseNumberFormat.Parse("{prefix} {year}/{number}").TryRead(text, "SUN", out _, out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{prefix}-{number}")]
    [InlineData("{prefix}-{year}-{number}-{number}")]
    [InlineData("{prefix}X{year}-{number}")]
    public void Pattern_without_each_part_exactly_once_is_rejected(string pattern)
    {
        Should.Throw<DomainException>(() => CaseNumberFormat.Parse(pattern));
    }

    [Fact]
    public void Empty_pattern_means_the_default()
    {
        CaseNumberFormat.Parse(null).Pattern.ShouldBe(CaseNumberFormat.Default);
    }
}
