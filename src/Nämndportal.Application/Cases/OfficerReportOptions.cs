namespace Nämndportal.Application.Cases;

public sealed class OfficerReportOptions
{
    public const string SectionName = "Cases:OfficerReport";

    /// <summary>The municipality's name at the top of every printed tjänsteskrivelse (e.g. "Exempelby kommun"); empty leaves it out.</summary>
    public string? Municipality { get; set; }
}
