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

    /// <summary>
    /// Delegationsbeslut: one series per organ and delegate role (<c>DelegateRole.SeriesKey</c>), per calendar year
    /// ("94/2023"). The role's key is hashed to keep within the series column's 100 characters (a title may be long).
    /// </summary>
    public static string DelegatedDecisions(Guid organId, string seriesKey) =>
        $"delegation:{organId:N}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seriesKey)))[..16]}";
}
