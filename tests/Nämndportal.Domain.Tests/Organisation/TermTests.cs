using static Nämndportal.Domain.Tests.IsoDates;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class TermTests
{
    private static readonly Term Term = new("2023–2026", new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void Term_ending_before_it_starts_is_rejected()
    {
        var error = Should.Throw<DomainException>(() => new Term("2023–2026", new DateOnly(2026, 12, 31), new DateOnly(2023, 1, 1)));
        error.Message.ShouldBe("Mandatperioden kan inte sluta före den börjar.");
    }

    [Fact]
    public void Term_needs_a_name()
    {
        Should.Throw<DomainException>(() => new Term(" ", new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("2023-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2024-06-15", true)]
    [InlineData("2022-12-31", false)]
    [InlineData("2027-01-01", false)]
    public void Term_contains_its_first_and_last_day(string day, bool expected)
    {
        Term.Contains(Day(day)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2022-01-01", "2022-12-31", false)]
    [InlineData("2022-06-01", "2023-01-01", true)]
    [InlineData("2024-01-01", "2024-12-31", true)]
    [InlineData("2020-01-01", "2030-12-31", true)]
    [InlineData("2026-12-31", "2030-12-31", true)]
    [InlineData("2027-01-01", "2030-12-31", false)]
    public void Term_overlaps_a_period_sharing_at_least_one_day(string from, string to, bool expected)
    {
        Term.Overlaps(Day(from), Day(to)).ShouldBe(expected);
    }
}
