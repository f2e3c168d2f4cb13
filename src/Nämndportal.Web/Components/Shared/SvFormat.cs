using System.Globalization;
using Nämndportal.Domain.Common;

namespace Nämndportal.Web.Components.Shared;

/// <summary>Dates and times as Swedish municipalities write them: 2024-10-01, 12.55, onsdag 9 december 2026.</summary>
public static class SvFormat
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Date(DateTimeOffset instant) => SwedishTime.ToLocal(instant).ToString("yyyy-MM-dd", Swedish);

    public static string Time(DateTimeOffset instant) => SwedishTime.ToLocal(instant).ToString("HH.mm", Swedish);

    public static string LongDate(DateTimeOffset instant) => SwedishTime.ToLocal(instant).ToString("dddd d MMMM yyyy", Swedish);

    public static string TimeSpan(DateTimeOffset start, DateTimeOffset? end) =>
        end is { } e ? $"{Time(start)}–{Time(e)}" : Time(start);
}
