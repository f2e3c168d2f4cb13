namespace Nämndportal.Application.Common;

/// <summary>
/// The names of the portal's number series (table number_series), each counted per calendar year:
/// one general service instead of a counter per feature.
/// </summary>
public static class NumberSeriesKeys
{
    /// <summary>Diarienummer: one series per case-number prefix (OMF-2026-1, OMF-2026-2, …).</summary>
    public static string CaseNumbers(string prefix) => "diarienummer:" + prefix;

    /// <summary>Paragrafer (§): one series per organ's paragraph series, continued through the calendar year.</summary>
    public static string Paragraphs(string paragraphSeries) => "paragraf:" + paragraphSeries;
}
