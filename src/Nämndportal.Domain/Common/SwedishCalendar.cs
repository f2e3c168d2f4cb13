namespace Nämndportal.Domain.Common;

/// <summary>
/// Sweden's calendar for time limits set by law: the public holidays of lag (1989:253) om allmänna helgdagar, Easter-based
/// ones included, every Sunday being one; and what lag (1930:173) om beräkning av lagstadgad tid adds when a time limit's
/// last day is moved: a Saturday, midsommarafton, julafton and nyårsafton, none of which is a public holiday.
/// </summary>
/// <remarks>
/// Computed here, not taken from the PublicHoliday library: its Sweden counts midsommarafton, julafton and nyårsafton as
/// public holidays (days most people have off, but not helgdagar in law), which SwedishCalendarTests caught.
/// </remarks>
public static class SwedishCalendar
{
    /// <summary>A Sunday or one of the public holidays of lag (1989:253).</summary>
    public static bool IsPublicHoliday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday || PublicHolidays(day.Year).Contains(day);

    /// <summary>The year's public holidays other than the Sundays that are only Sundays (påskdagen and pingstdagen are named).</summary>
    public static IReadOnlySet<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1), // nyårsdagen
            new(year, 1, 6), // trettondedag jul
            easter.AddDays(-2), // långfredagen
            easter, // påskdagen
            easter.AddDays(1), // annandag påsk
            new(year, 5, 1), // första maj
            easter.AddDays(39), // Kristi himmelsfärdsdag
            easter.AddDays(49), // pingstdagen
            new(year, 6, 6), // Sveriges nationaldag
            Midsommardagen(year),
            SaturdayFrom(new DateOnly(year, 10, 31)), // alla helgons dag
            new(year, 12, 25), // juldagen
            new(year, 12, 26), // annandag jul
        };
    }

    /// <summary>Påskdagen in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Midsommardagen: the Saturday from 20 to 26 June.</summary>
    public static DateOnly Midsommardagen(int year) => SaturdayFrom(new DateOnly(year, 6, 20));

    /// <summary>A day on which a time limit set by law cannot end (lag 1930:173, 2 §).</summary>
    public static bool IsDayOffForTimeLimits(DateOnly day) =>
        day.DayOfWeek == DayOfWeek.Saturday
        || IsPublicHoliday(day)
        || day == Midsommardagen(day.Year).AddDays(-1)
        || (day.Month == 12 && day.Day is 24 or 31);

    /// <summary>The last day of a time limit that would end on <paramref name="day"/>: that day, or the next weekday after it.</summary>
    public static DateOnly EndOfTimeLimit(DateOnly day)
    {
        while (IsDayOffForTimeLimits(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly SaturdayFrom(DateOnly day) => day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
}
