using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// A tjänsteskrivelse as printed in the municipal layout: the header (municipality, förvaltning, date, diarienummer,
/// the officer), the numbered att-satser, the sections, the Beslutsunderlag and the dispatch list. The HTML of the
/// sections has been through <see cref="IRichTextSanitizer"/>.
/// </summary>
public sealed record OfficerReportDocumentModel(
    string? Municipality,
    string? Administration,
    string OrganName,
    string CaseNumber,
    string CaseTitle,
    DateOnly? ReportDate,
    string? OfficerName,
    string? OfficerTitle,
    string? OfficerEmail,
    string? OfficerPhone,
    IReadOnlyList<string> Proposals,
    string SummaryHtml,
    string DescriptionHtml,
    IReadOnlyList<DecisionBasisLine> DecisionBasis,
    IReadOnlyList<ConsequenceText> Consequences,
    IReadOnlyList<string> DispatchTo)
{
    /// <summary>The printed model of a case's tjänsteskrivelse, its rich text sanitized; shared by its own PDF and the kallelse pack.</summary>
    public static OfficerReportDocumentModel Build(
        string? municipality, Domain.Organisation.Organ organ, Case @case, OfficerReport report, IReadOnlyList<CaseDocument> decisionBasis, IRichTextSanitizer sanitizer)
    {
        ArgumentNullException.ThrowIfNull(organ);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sanitizer);
        return new OfficerReportDocumentModel(
            string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(),
            report.Administration ?? organ.Administration,
            organ.Name,
            @case.Number,
            @case.Title,
            report.ReportDate,
            report.OfficerName,
            report.OfficerTitle,
            report.OfficerEmail,
            report.OfficerPhone,
            report.Proposals,
            sanitizer.Sanitize(report.SummaryHtml).Html,
            sanitizer.Sanitize(report.DescriptionHtml).Html,
            decisionBasis.OrderBy(d => d.Ordinal).Select(DecisionBasisLine.From).ToList(),
            GetOfficerReportHandler.ConsequencesFor(organ.ConsequenceHeadings, report.Consequences)
                .Where(c => c.Html.Length > 0)
                .Select(c => c with { Html = sanitizer.Sanitize(c.Html).Html })
                .ToList(),
            report.DispatchTo);
    }

    /// <summary>The frame of a printed tjänsteskrivelse: title, letterhead and "Dnr" header, date in the footer.</summary>
    public PdfLayout Layout(bool numberPages = true) => new(
        $"Tjänsteskrivelse {CaseNumber} – {CaseTitle}",
        string.Join(", ", new[] { Municipality, Administration ?? OrganName }.Where(t => !string.IsNullOrWhiteSpace(t))),
        $"TJÄNSTESKRIVELSE  Dnr {CaseNumber}",
        ReportDate is { } date ? $"Daterad {date:yyyy-MM-dd}" : null) { NumberPages = numberPages };
}

/// <summary>
/// One handling in the Beslutsunderlag. A secret-marked one is named only by its number and the OSL provision, never by
/// its description (domain rule 22), whoever reads or prints the report.
/// </summary>
public sealed record DecisionBasisLine(int Ordinal, DateOnly Date, string? Description, string? SecrecyProvision)
{
    public static DecisionBasisLine From(CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsSecret
            ? new DecisionBasisLine(document.Ordinal, document.DocumentDate, null, document.SecrecyProvision)
            : new DecisionBasisLine(document.Ordinal, document.DocumentDate, document.Description, null);
    }

    /// <summary>"Handling 2, 2026-11-20, Kösituationen i november" or "Handling 3 (sekretess enligt OSL 26 kap. 1 §)".</summary>
    public string Text => SecrecyProvision is { } provision
        ? $"Handling {Ordinal} (sekretess enligt {provision})"
        : $"Handling {Ordinal}, {Date:yyyy-MM-dd}, {Description}";
}

/// <summary>One konsekvensbeskrivning: its heading and its sanitized HTML.</summary>
public sealed record ConsequenceText(string Heading, string Html);
