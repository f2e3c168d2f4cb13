using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// The tjänsteskrivelse of a case, written in the portal as structured sections. Rich-text sections hold HTML that
/// has been sanitized before it gets here (headings, lists, bold, italic, tables, links only). The same text feeds
/// the protokoll's § later.
/// </summary>
public sealed class OfficerReport : Entity, IConcurrencyVersioned, ICaseOwned
{
    private OfficerReport()
    {
        SummaryHtml = string.Empty;
        DescriptionHtml = string.Empty;
        SearchText = string.Empty;
    }

    public OfficerReport(Guid caseId)
        : this()
    {
        CaseId = caseId;
    }

    public Guid CaseId { get; private set; }

    /// <summary>Förvaltningens förslag till beslut: the att-satser in order, each without its leading "att".</summary>
    public List<string> Proposals { get; private set; } = [];

    public string SummaryHtml { get; private set; }

    public string DescriptionHtml { get; private set; }

    /// <summary>Beslutsunderlag: the case's handlingar chosen, in order.</summary>
    public List<Guid> DecisionBasis { get; private set; } = [];

    /// <summary>Konsekvensbeskrivningar under the organ's headings (e.g. Ekonomi, Barnperspektiv).</summary>
    public List<ConsequenceSection> Consequences { get; private set; } = [];

    /// <summary>Beslut skickas till: the dispatch list.</summary>
    public List<string> DispatchTo { get; private set; } = [];

    /// <summary>The förvaltning writing it (e.g. "Omsorgsförvaltningen").</summary>
    public string? Administration { get; private set; }

    public string? OfficerName { get; private set; }

    public string? OfficerTitle { get; private set; }

    public string? OfficerEmail { get; private set; }

    public string? OfficerPhone { get; private set; }

    /// <summary>The date the report carries.</summary>
    public DateOnly? ReportDate { get; private set; }

    /// <summary>All the report's text without markup, for full-text search.</summary>
    public string SearchText { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Sets every section at once; the HTML must already be sanitized, <paramref name="searchText"/> is its plain text.</summary>
    public void Write(
        IEnumerable<string> proposals,
        string summaryHtml,
        string descriptionHtml,
        IEnumerable<Guid> decisionBasis,
        IEnumerable<ConsequenceSection> consequences,
        IEnumerable<string> dispatchTo,
        string searchText)
    {
        var atts = proposals.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        Proposals = atts;
        SummaryHtml = summaryHtml;
        DescriptionHtml = descriptionHtml;
        DecisionBasis = decisionBasis.Distinct().ToList();
        Consequences = consequences.Where(c => !string.IsNullOrWhiteSpace(c.Heading)).ToList();
        DispatchTo = dispatchTo.Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        SearchText = searchText;
    }

    public void Sign(string? administration, string? officerName, string? officerTitle, string? officerEmail, string? officerPhone, DateOnly? reportDate)
    {
        Administration = Clean(administration);
        OfficerName = Clean(officerName);
        OfficerTitle = Clean(officerTitle);
        OfficerEmail = Clean(officerEmail);
        OfficerPhone = Clean(officerPhone);
        ReportDate = reportDate;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One konsekvensbeskrivning: a heading from the organ's list and its sanitized HTML.</summary>
public sealed class ConsequenceSection
{
    public string Heading { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;
}
