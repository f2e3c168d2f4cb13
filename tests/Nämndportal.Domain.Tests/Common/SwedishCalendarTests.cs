using static Nämndportal.Domain.Tests.IsoDates;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Tests.Common;

public class SwedishCalendarTests
{
    // Lag (1989:253) om allmänna helgdagar, as Sweden has them in 2026 and 2027 (the Sundays apart).
    [Theory]
    [InlineData(2026, "2026-01-01 2026-01-06 2026-04-03 2026-04-05 2026-04-06 2026-05-01 2026-05-14 2026-05-24 2026-06-06 2026-06-20 2026-10-31 2026-12-25 2026-12-26")]
    [InlineData(2027, "2027-01-01 2027-01-06 2027-03-26 2027-03-28 2027-03-29 2027-05-01 2027-05-06 2027-05-16 2027-06-06 2027-06-26 2027-11-06 2027-12-25 2027-12-26")]
    public void The_public_holidays_of_a_year_are_the_law_s_thirteen(int year, string expected)
    {
        var holidays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(d => new DateOnly(year, 1, 1).AddDays(d))
            .Where(d => d.DayOfWeek != DayOfWeek.Sunday || expected.Contains(Iso(d), StringComparison.Ordinal))
            .Where(SwedishCalendar.IsPublicHoliday)
            .Select(d => Iso(d));
        string.Join(" ", holidays).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024-03-29", "2024-04-01", "2024-05-09")]
    [InlineData("2025-04-18", "2025-04-21", "2025-05-29")]
    [InlineData("2028-04-14", "2028-04-17", "2028-05-25")]
    [InlineData("2030-04-19", "2030-04-22", "2030-05-30")]
    public void Easter_based_holidays_follow_easter(string langfredagen, string annandagPask, string kristiHimmelsfard)
    {
        SwedishCalendar.IsPublicHoliday(Day(langfredagen)).ShouldBeTrue();
        SwedishCalendar.IsPublicHoliday(Day(annandagPask)).ShouldBeTrue();
        SwedishCalendar.IsPublicHoliday(Day(kristiHimmelsfard)).ShouldBeTrue();
        SwedishCalendar.IsPublicHoliday(Day(langfredagen).AddDays(-1)).ShouldBeFalse("skärtorsdagen is a working day");
    }

    [Fact]
    public void The_three_aftnar_are_days_off_for_a_time_limit_but_not_public_holidays()
    {
        foreach (var afton in new[] { new DateOnly(2026, 6, 19), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31) })
        {
            SwedishCalendar.IsPublicHoliday(afton).ShouldBeFalse(Iso(afton));
            SwedishCalendar.IsDayOffForTimeLimits(afton).ShouldBeTrue(Iso(afton));
        }

        SwedishCalendar.Midsommardagen(2026).ShouldBe(new DateOnly(2026, 6, 20));
        SwedishCalendar.Midsommardagen(2027).ShouldBe(new DateOnly(2027, 6, 26));
        SwedishCalendar.IsDayOffForTimeLimits(new DateOnly(2026, 6, 18)).ShouldBeFalse("the Thursday before midsommarafton");
        SwedishCalendar.IsDayOffForTimeLimits(new DateOnly(2026, 12, 23)).ShouldBeFalse("lillejulafton");
    }
}
