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
    IReadOnlyList<string> DispatchTo);

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
