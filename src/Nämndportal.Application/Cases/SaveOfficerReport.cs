using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Save a case's tjänsteskrivelse. A draft may be saved without att-satser. Version is the one the form loaded (0 for a
/// report not yet saved), so a save over someone else's newer one is refused.
/// </summary>
public sealed record SaveOfficerReport
{
    public Guid CaseId { get; init; }

    public uint Version { get; set; }

    /// <summary>The att-satser in order, each without its leading "att".</summary>
    public List<string> Proposals { get; set; } = [];

    public string SummaryHtml { get; set; } = string.Empty;

    public string DescriptionHtml { get; set; } = string.Empty;

    /// <summary>The handlingar of the case chosen as Beslutsunderlag.</summary>
    public List<Guid> DecisionBasis { get; set; } = [];

    public List<ConsequenceInput> Consequences { get; set; } = [];

    /// <summary>Beslut skickas till, one recipient per line.</summary>
    public List<string> DispatchTo { get; set; } = [];

    public string? Administration { get; set; }

    public string? OfficerName { get; set; }

    public string? OfficerTitle { get; set; }

    public string? OfficerEmail { get; set; }

    public string? OfficerPhone { get; set; }

    public DateOnly? ReportDate { get; set; }

    public static SaveOfficerReport From(OfficerReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SaveOfficerReport
        {
            CaseId = view.CaseId, Version = view.Version, Proposals = [.. view.Proposals], SummaryHtml = view.SummaryHtml,
            DescriptionHtml = view.DescriptionHtml, DecisionBasis = [.. view.DecisionBasis],
            Consequences = view.Consequences.Select(c => new ConsequenceInput { Heading = c.Heading, Html = c.Html }).ToList(),
            DispatchTo = [.. view.DispatchTo], Administration = view.Administration, OfficerName = view.OfficerName,
            OfficerTitle = view.OfficerTitle, OfficerEmail = view.OfficerEmail, OfficerPhone = view.OfficerPhone, ReportDate = view.ReportDate,
        };
    }
}

/// <summary>One konsekvensbeskrivning as written in the form.</summary>
public sealed class ConsequenceInput
{
    public string Heading { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;
}

/// <param name="Version">The report's new version, for the next save from the same form.</param>
/// <param name="FormattingRemoved">The sanitizer removed something (a script, an event attribute, a disallowed link).</param>
/// <param name="Message">What to tell the user, in Swedish.</param>
public sealed record SavedOfficerReport(uint Version, bool FormattingRemoved, string Message);

/// <summary>
/// The rules of the form and the handler alike. Which handlingar and headings may be chosen depends on the case and the
/// organ: pass them with <see cref="ContextFor"/>; without them (a single field checked in the form) those two rules wait.
/// </summary>
public sealed partial class SaveOfficerReportValidator : AbstractValidator<SaveOfficerReport>
{
    public const int MaxProposalLength = 2000;
    public const int MaxSectionLength = 200_000;
    private const string DocumentsKey = "officer-report-documents";
    private const string HeadingsKey = "officer-report-headings";

    public SaveOfficerReportValidator()
    {
        RuleFor(x => x.CaseId).NotEmpty().WithMessage("Ärendet saknas.");
        RuleFor(x => x.Proposals).Must(p => p.Count <= 50).WithMessage("Förslaget till beslut får ha högst 50 att-satser.");
        RuleForEach(x => x.Proposals).MaximumLength(MaxProposalLength)
            .WithMessage((_, text) => $"En att-sats får ha högst 2 000 tecken (den som börjar ”{Start(text)}” har {text.Length}).");
        RuleFor(x => x.SummaryHtml).MaximumLength(MaxSectionLength).WithMessage("Sammanfattningen får ha högst 200 000 tecken.");
        RuleFor(x => x.DescriptionHtml).MaximumLength(MaxSectionLength).WithMessage("Beskrivningen av ärendet får ha högst 200 000 tecken.");
        RuleForEach(x => x.Consequences).Must(c => c.Html.Length <= MaxSectionLength)
            .WithMessage((_, c) => $"Konsekvensbeskrivningen ”{c.Heading}” får ha högst 200 000 tecken.");
        RuleFor(x => x.DispatchTo).Must(d => d.Count <= 100).WithMessage("Listan Beslut skickas till får ha högst 100 rader.");
        RuleForEach(x => x.DispatchTo).MaximumLength(200).WithMessage("En rad i Beslut skickas till får ha högst 200 tecken.");
        RuleFor(x => x.Administration).MaximumLength(200).WithMessage("Förvaltningens namn får ha högst 200 tecken.");
        RuleFor(x => x.OfficerName).MaximumLength(200).WithMessage("Namnet får ha högst 200 tecken.");
        RuleFor(x => x.OfficerTitle).MaximumLength(200).WithMessage("Titeln får ha högst 200 tecken.");
        RuleFor(x => x.OfficerPhone).MaximumLength(40).WithMessage("Telefonnumret får ha högst 40 tecken.");
        RuleFor(x => x.OfficerEmail).MaximumLength(256).WithMessage("E-postadressen får ha högst 256 tecken.")
            .Must(e => string.IsNullOrWhiteSpace(e) || EmailPattern().IsMatch(e.Trim()))
            .WithMessage("Ange en giltig e-postadress, till exempel namn@kommun.se.");
        RuleFor(x => x.DecisionBasis)
            .Must((_, ids, context) => !context.RootContextData.TryGetValue(DocumentsKey, out var allowed)
                                       || ids.All(((IReadOnlySet<Guid>)allowed).Contains))
            .WithMessage("Beslutsunderlaget får bara innehålla handlingar i det här ärendet.");
        RuleFor(x => x.Consequences)
            .Must((_, sections, context) => !context.RootContextData.TryGetValue(HeadingsKey, out var allowed)
                                            || sections.All(s => ((IReadOnlySet<string>)allowed).Contains(s.Heading.Trim())))
            .WithMessage("Konsekvensbeskrivningarna får bara ha organets rubriker.");
    }

    /// <summary>A validation context that knows the handlingar that may be chosen and the organ's headings.</summary>
    public static ValidationContext<SaveOfficerReport> ContextFor(SaveOfficerReport request, IEnumerable<Guid> documents, IEnumerable<string> headings)
    {
        var context = new ValidationContext<SaveOfficerReport>(request);
        context.RootContextData[DocumentsKey] = documents.ToHashSet();
        context.RootContextData[HeadingsKey] = headings.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return context;
    }

    private static string Start(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

public sealed partial class SaveOfficerReportHandler(
    IAppDbContextFactory dbFactory, AccessService access, IValidator<SaveOfficerReport> validator, IRichTextSanitizer sanitizer,
    ICurrentUser user, TimeProvider clock)
{
    public const string FormattingRemovedMessage = "Otillåten formatering togs bort.";

    public async Task<Result<SavedOfficerReport>> HandleAsync(SaveOfficerReport request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        if (!grants.Can(Operation.PrepareCase, @case.OrganId))
        {
            return Error.Forbidden();
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == @case.OrganId, cancellationToken);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == @case.Id).ToListAsync(cancellationToken);
        var mayReadSecret = grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);
        var report = await db.OfficerReports.SingleOrDefaultAsync(r => r.CaseId == @case.Id, cancellationToken);

        var headings = organ.ConsequenceHeadings.Concat(report?.Consequences.Select(c => c.Heading) ?? []);
        var visible = documents.Where(d => !d.IsSecret || mayReadSecret).Select(d => d.Id);
        var validation = await validator.ValidateAsync(SaveOfficerReportValidator.ContextFor(request, visible, headings), cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var summary = sanitizer.Sanitize(request.SummaryHtml);
        var description = sanitizer.Sanitize(request.DescriptionHtml);
        var consequences = request.Consequences
            .Select(c => (Heading: c.Heading.Trim(), Text: sanitizer.Sanitize(c.Html)))
            .Where(c => c.Text.Html.Length > 0)
            .ToList();
        var proposals = request.Proposals.Select(WithoutLeadingAtt).Where(p => p.Length > 0).ToList();
        var dispatchTo = request.DispatchTo.Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        var formattingRemoved = summary.Changed || description.Changed || consequences.Any(c => c.Text.Changed);

        // Someone without access to secret handlingar cannot see or choose them, and must not drop them unknowingly either.
        var byId = documents.ToDictionary(d => d.Id);
        var keptHidden = (report?.DecisionBasis ?? []).Where(id => byId.TryGetValue(id, out var d) && d.IsSecret && !mayReadSecret);
        var decisionBasis = request.DecisionBasis.Concat(keptHidden).Distinct().OrderBy(id => byId[id].Ordinal).ToList();

        var isFirstSave = report is null;
        if (report is null)
        {
            report = new OfficerReport(@case.Id);
            db.OfficerReports.Add(report);
        }
        else
        {
            db.SetOriginalVersion(report, request.Version);
        }

        var searchText = string.Join(' ', new[]
            {
                string.Join(' ', proposals.Select(p => "att " + p)), summary.PlainText, description.PlainText,
                string.Join(' ', consequences.Select(c => c.Heading + " " + c.Text.PlainText)), string.Join(' ', dispatchTo),
            }.Where(t => t.Length > 0));
        try
        {
            report.Write(proposals, summary.Html, description.Html, decisionBasis,
                consequences.Select(c => new ConsequenceSection { Heading = c.Heading, Html = c.Text.Html }), dispatchTo, searchText);
            report.Sign(request.Administration, request.OfficerName, request.OfficerTitle, request.OfficerEmail, request.OfficerPhone, request.ReportDate);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.CaseEvents.Add(CaseEvent.ReportSaved(@case.Id, clock.GetUtcNow(), user.UserName ?? "system"));
        var saved = await db.SaveOrConflictAsync(report, true, cancellationToken);
        if (!saved.Succeeded)
        {
            return isFirstSave ? await FirstSaveLostAsync(@case.Id, saved.Error!, cancellationToken) : saved.Error!;
        }

        return Result<SavedOfficerReport>.Ok(new SavedOfficerReport(
            report.Version, formattingRemoved, "Tjänsteskrivelsen är sparad." + (formattingRemoved ? " " + FormattingRemovedMessage : string.Empty)));
    }

    /// <summary>
    /// Two first saves of the same case at once both insert; the case's one-report key lets one in. The other is told who
    /// saved first, as for any other save over someone else's.
    /// </summary>
    private async Task<Error> FirstSaveLostAsync(Guid caseId, Error error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var winner = await db.OfficerReports.AsNoTracking().Where(r => r.CaseId == caseId)
            .Select(r => new { Who = r.ModifiedBy ?? r.CreatedBy, When = r.ModifiedAt ?? r.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        return winner is null ? error : Error.Conflict(winner.Who, winner.When);
    }

    // The form shows "att" before each field; a user who types it again should not get "att att".
    private static string WithoutLeadingAtt(string proposal) => LeadingAtt().Replace(proposal.Trim(), string.Empty).Trim();

    [GeneratedRegex(@"^att\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAtt();
}
