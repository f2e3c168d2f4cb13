using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>The tjänsteskrivelse of a case, for reading (ReadCase) or editing (PrepareCase).</summary>
public sealed record GetOfficerReport(Guid CaseId);

/// <summary>
/// A case's tjänsteskrivelse, or, before the first save, an empty draft prefilled with the organ's förvaltning, the case
/// officer's name and e-mail and today's date. <see cref="Documents"/> are the handlingar the user may choose as
/// Beslutsunderlag (secret ones only for those who may read them); <see cref="DecisionBasis"/> holds the chosen ones among
/// them, and <see cref="DecisionBasisLines"/> the whole list as printed.
/// </summary>
public sealed record OfficerReportView(
    Guid CaseId,
    string CaseNumber,
    string CaseTitle,
    string OrganName,
    bool IsSaved,
    uint Version,
    bool CanEdit,
    IReadOnlyList<string> Proposals,
    string SummaryHtml,
    string DescriptionHtml,
    IReadOnlyList<Guid> DecisionBasis,
    IReadOnlyList<DecisionBasisLine> DecisionBasisLines,
    IReadOnlyList<ConsequenceText> Consequences,
    IReadOnlyList<string> DispatchTo,
    string? Administration,
    string? OfficerName,
    string? OfficerTitle,
    string? OfficerEmail,
    string? OfficerPhone,
    DateOnly? ReportDate,
    IReadOnlyList<CaseDocumentOption> Documents);

/// <summary>A handling that may be chosen as Beslutsunderlag.</summary>
public sealed record CaseDocumentOption(Guid Id, int Ordinal, DateOnly Date, string Description, string? SecrecyProvision);

public sealed class GetOfficerReportHandler(
    IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users, IRichTextSanitizer sanitizer, TimeProvider clock)
{
    public async Task<Result<OfficerReportView>> HandleAsync(GetOfficerReport request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == @case.OrganId, cancellationToken);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == @case.Id).OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
        var mayReadSecret = grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);
        var visible = documents.Where(d => !d.IsSecret || mayReadSecret).ToList();
        var report = await db.OfficerReports.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == @case.Id, cancellationToken);

        var options = visible.Select(d => new CaseDocumentOption(d.Id, d.Ordinal, d.DocumentDate, d.Description, d.SecrecyProvision)).ToList();
        var canEdit = grants.Can(Operation.PrepareCase, @case.OrganId);
        if (report is null)
        {
            var officer = @case.CaseOfficerUserId is { } officerId ? await users.ContactAsync(officerId, cancellationToken) : null;
            return Result<OfficerReportView>.Ok(new OfficerReportView(
                @case.Id, @case.Number, @case.Title, organ.Name, false, 0, canEdit,
                [], string.Empty, string.Empty, [], [],
                organ.ConsequenceHeadings.Select(h => new ConsequenceText(h, string.Empty)).ToList(),
                [], organ.Administration, officer?.Name, null, officer?.Email, null,
                SwedishTime.LocalDate(clock.GetUtcNow()), options));
        }

        var byId = documents.ToDictionary(d => d.Id);
        var chosen = report.DecisionBasis.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(d => d.Ordinal).ToList();
        return Result<OfficerReportView>.Ok(new OfficerReportView(
            @case.Id, @case.Number, @case.Title, organ.Name, true, report.Version, canEdit,
            report.Proposals, Clean(report.SummaryHtml), Clean(report.DescriptionHtml),
            chosen.Where(d => !d.IsSecret || mayReadSecret).Select(d => d.Id).ToList(),
            chosen.Select(DecisionBasisLine.From).ToList(),
            ConsequencesFor(organ.ConsequenceHeadings, report.Consequences).Select(c => c with { Html = Clean(c.Html) }).ToList(),
            report.DispatchTo, report.Administration, report.OfficerName, report.OfficerTitle, report.OfficerEmail, report.OfficerPhone,
            report.ReportDate, options));
    }

    /// <summary>
    /// One section per heading of the organ, in the organ's order, then any section saved under a heading the organ has
    /// since removed (so no text is lost silently).
    /// </summary>
    internal static List<ConsequenceText> ConsequencesFor(IEnumerable<string> organHeadings, IEnumerable<ConsequenceSection> saved)
    {
        var savedList = saved.ToList();
        var sections = organHeadings
            .Select(h => new ConsequenceText(h, savedList.FirstOrDefault(s => string.Equals(s.Heading, h, StringComparison.OrdinalIgnoreCase))?.Html ?? string.Empty))
            .ToList();
        sections.AddRange(savedList
            .Where(s => !sections.Any(c => string.Equals(c.Heading, s.Heading, StringComparison.OrdinalIgnoreCase)) && s.Html.Length > 0)
            .Select(s => new ConsequenceText(s.Heading, s.Html)));
        return sections;
    }

    // Stored HTML was cleaned on save; cleaning it again on the way out costs little and guards the page that shows it.
    private string Clean(string html) => sanitizer.Sanitize(html).Html;
}
