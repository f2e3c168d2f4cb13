using System.Globalization;

namespace Nämndportal.Domain.Tests;

/// <summary>Days written as in the law texts' examples, yyyy-MM-dd, whatever the machine's culture.</summary>
internal static class IsoDates
{
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
