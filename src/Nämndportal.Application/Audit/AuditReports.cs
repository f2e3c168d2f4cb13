using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Audit;

/// <summary>A recommendation as entered with its report: the text and the organs it is addressed to.</summary>
public sealed record RecommendationInput(string Text, IReadOnlyList<Guid> OrganIds);

/// <summary>A granskningsrapport to register, with its recommendations in order (numbered from 1).</summary>
public sealed record RegisterAuditReport(
    string Title, string AuditorFirm, string OnBehalfOf, DateOnly ReportedOn, int PlanYear, IReadOnlyList<Guid> OrganIds, DateOnly? AnswerDueOn,
    IReadOnlyList<RecommendationInput> Recommendations);

/// <summary>Starts an addressed organ's answer: a case for its yttrande, registered in the organ's series.</summary>
public sealed record StartAuditAnswer(Guid ReportId, Guid OrganId);

public sealed record TakeRecommendationPosition(Guid AnswerId, uint Version, Guid RecommendationId, string Position, DateOnly? ReportBackOn);

public sealed record AddFollowUpAction(Guid AnswerId, Guid RecommendationId, string Description, string Responsible, Guid? ResponsibleUserId, DateOnly? DueOn);

/// <summary>A new status (or the same, with a note) for an action or an assignment.</summary>
public sealed record UpdateFollowUp(Guid ItemId, uint Version, FollowUpStatus Status, string? Note);

/// <summary>An action as the report page shows it.</summary>
public sealed record ActionView(
    Guid Id, uint Version, Guid RecommendationId, string Description, string Responsible, DateOnly? DueOn, FollowUpStatus Status, bool Late,
    IReadOnlyList<ProgressNote> Notes, bool CanUpdate);

/// <summary>An addressed organ's side of a report: its answer (when started), positions and actions.</summary>
public sealed record AnswerView(
    Guid OrganId, string OrganName, bool CanManage, Guid? AnswerId, uint Version, Guid? CaseId, string? CaseNumber, string? DecidedIn,
    IReadOnlyList<RecommendationPosition> Positions, IReadOnlyList<ActionView> Actions);

public sealed record AuditReportDetails(
    AuditReport Report, IReadOnlyDictionary<Guid, string> OrganNames, IReadOnlyList<AuditRecommendation> Recommendations, IReadOnlyList<AnswerView> Answers,
    string? ReportFileName, string? CoverLetterFileName);

/// <summary>
/// Granskningsrapporter and the answers to them (issue 13): those who keep an organ's follow-up (<see cref="Operation.ManageFollowUp"/>)
/// register a report for organs they keep — all of them — and each addressed organ's answer is a case of its own with the
/// organ's position per recommendation and its actions. The person responsible for an action updates it too.
/// </summary>
public sealed class AuditReportsHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IUserDirectory users, TimeProvider clock, AuditTrail.AuditTrailRecorder auditTrail)
{
    public async Task<Result<Guid>> RegisterAsync(RegisterAuditReport request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        var organIds = (request.OrganIds ?? []).Distinct().ToList();
        if (organIds.Count == 0)
        {
            return Error.Invalid("Ange minst ett organ som granskningen gäller.");
        }

        if (organIds.Any(o => !grants.Can(Operation.ManageFollowUp, o)))
        {
            return Error.NotFound("Organet");
        }

        if (request.Recommendations is not { Count: > 0 and <= 100 })
        {
            return Error.Invalid("Ange rapportens rekommendationer (minst en, högst 100).");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.Organs.CountAsync(o => organIds.Contains(o.Id), cancellationToken) != organIds.Count)
        {
            return Error.NotFound("Organet");
        }

        try
        {
            var report = new AuditReport(request.Title, request.AuditorFirm, request.OnBehalfOf, request.ReportedOn, request.PlanYear, organIds, request.AnswerDueOn);
            db.AuditReports.Add(report);
            for (var i = 0; i < request.Recommendations.Count; i++)
            {
                var input = request.Recommendations[i];
                try
                {
                    db.AuditRecommendations.Add(report.Recommend(i + 1, input.Text, input.OrganIds ?? []));
                }
                catch (DomainException ex)
                {
                    return Error.Invalid($"Rekommendation {i + 1}: {ex.Message}");
                }
            }

            return await db.SaveOrConflictAsync(report, report.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }

    /// <summary>
    /// A report with its recommendations and, for each addressed organ the reader may see, the answer: positions and
    /// actions. Missing and not allowed look the same. A revisor's read is in the audit trail.
    /// </summary>
    public async Task<Result<AuditReportDetails>> DetailsAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await db.AuditReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var visible = report?.OrganIds.Where(o => grants.Can(Operation.ReadAuditMaterial, o) || grants.Can(Operation.ManageFollowUp, o)).ToList() ?? [];
        if (report is null || visible.Count == 0)
        {
            return Error.NotFound("Granskningsrapporten");
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var names = await db.Organs.AsNoTracking().Where(o => report.OrganIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var recommendations = await db.AuditRecommendations.AsNoTracking().Where(r => r.ReportId == reportId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var answers = await db.AuditAnswers.AsNoTracking().Where(a => a.ReportId == reportId && visible.Contains(a.OrganId)).ToListAsync(cancellationToken);
        var answerIds = answers.Select(a => a.Id).ToList();
        var actions = await db.FollowUpActions.AsNoTracking().Where(a => answerIds.Contains(a.AnswerId)).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var caseIds = answers.Select(a => a.CaseId).ToList();
        var caseNumbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var fileIds = new[] { report.ReportFileId, report.CoverLetterFileId }.OfType<Guid>().ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
        var me = user.UserId;
        var views = visible
            .Where(o => recommendations.Any(r => r.IsAddressedTo(o)))
            .OrderBy(o => names.GetValueOrDefault(o), StringComparer.Ordinal)
            .Select(o =>
            {
                var canManage = grants.Can(Operation.ManageFollowUp, o);
                var answer = answers.FirstOrDefault(a => a.OrganId == o);
                var its = answer is null ? [] : actions.Where(a => a.AnswerId == answer.Id)
                    .Select(a => new ActionView(a.Id, a.Version, a.RecommendationId, a.Description, a.Responsible, a.DueOn, a.Status, a.IsLate(today), a.Notes,
                        canManage || (me is not null && a.ResponsibleUserId == me)))
                    .ToList();
                return new AnswerView(o, names.GetValueOrDefault(o, string.Empty), canManage, answer?.Id, answer?.Version ?? 0, answer?.CaseId,
                    answer is null ? null : caseNumbers.GetValueOrDefault(answer.CaseId), answer?.DecidedIn, answer?.Positions ?? [], its);
            })
            .ToList();
        if (grants.IsAuditor)
        {
            auditTrail.AuditMaterialRead(db, visible[0], $"Granskningsrapport: {report.Title}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<AuditReportDetails>.Ok(new AuditReportDetails(
            report, names, recommendations, views,
            report.ReportFileId is { } rf ? files.GetValueOrDefault(rf) : null, report.CoverLetterFileId is { } cf ? files.GetValueOrDefault(cf) : null));
    }

    /// <summary>Registers the answer's case ("Yttrande över granskningsrapport: …") and the answer, in one transaction.</summary>
    public async Task<Result<Guid>> StartAnswerAsync(StartAuditAnswer request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageFollowUp, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Granskningsrapporten");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await db.AuditReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.ReportId, cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganId, cancellationToken);
        if (report is null || organ is null || !report.OrganIds.Contains(organ.Id))
        {
            return Error.NotFound("Granskningsrapporten");
        }

        if (!await db.AuditRecommendations.AnyAsync(r => r.ReportId == report.Id && r.OrganIds.Contains(organ.Id), cancellationToken))
        {
            return Error.Invalid($"Ingen rekommendation i rapporten är riktad till {organ.Name}.");
        }

        if (await db.AuditAnswers.AnyAsync(a => a.ReportId == report.Id && a.OrganId == organ.Id, cancellationToken))
        {
            return Error.Invalid($"{organ.Name} har redan ett ärende för sitt yttrande över rapporten.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var title = $"Yttrande över granskningsrapport: {report.Title}";
        var @case = await Cases.RegisterCaseHandler.NewCaseAsync(db, organ, title.Length > 500 ? title[..500] : title, SwedishTime.LocalDate(now), now, user.UserName ?? "system", cancellationToken);
        var answer = new AuditAnswer(report.Id, organ.Id, @case.Id);
        db.AuditAnswers.Add(answer);
        var saved = await db.SaveOrConflictAsync(answer, answer.Id, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public async Task<Result<Guid>> TakePositionAsync(TakeRecommendationPosition request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var answer = await db.AuditAnswers.SingleOrDefaultAsync(a => a.Id == request.AnswerId, cancellationToken);
        if (answer is null || !await access.CanAsync(Operation.ManageFollowUp, answer.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Yttrandet");
        }

        var recommendation = await db.AuditRecommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RecommendationId, cancellationToken);
        if (recommendation is null)
        {
            return Error.NotFound("Rekommendationen");
        }

        db.SetOriginalVersion(answer, request.Version);
        try
        {
            answer.TakePosition(recommendation, request.Position, request.ReportBackOn);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(answer, answer.Id, cancellationToken);
    }

    public async Task<Result<Guid>> AddActionAsync(AddFollowUpAction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var answer = await db.AuditAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AnswerId, cancellationToken);
        if (answer is null || !await access.CanAsync(Operation.ManageFollowUp, answer.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Yttrandet");
        }

        var recommendation = await db.AuditRecommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RecommendationId, cancellationToken);
        if (recommendation is null || recommendation.ReportId != answer.ReportId || !recommendation.IsAddressedTo(answer.OrganId))
        {
            return Error.Invalid("Åtgärden hör till en rekommendation som är riktad till organet.");
        }

        FollowUpAction action;
        try
        {
            action = new FollowUpAction(answer.Id, recommendation.Id, request.Description, request.Responsible, request.ResponsibleUserId, request.DueOn);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.FollowUpActions.Add(action);
        return await db.SaveOrConflictAsync(action, action.Id, cancellationToken);
    }

    /// <summary>
    /// A new status or a progress note on an action or an assignment, by those who keep the organ's follow-up or the item's
    /// responsible person.
    /// </summary>
    public async Task<Result<Guid>> UpdateActionAsync(UpdateFollowUp request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        FollowUpItem? item = await db.FollowUpActions.SingleOrDefaultAsync(a => a.Id == request.ItemId, cancellationToken);
        Guid? organId = item is FollowUpAction action
            ? await db.AuditAnswers.Where(a => a.Id == action.AnswerId).Select(a => (Guid?)a.OrganId).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (item is null)
        {
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == request.ItemId, cancellationToken);
            item = assignment;
            organId = assignment?.OrganId;
        }

        if (item is null || organId is null
            || !(await access.CanAsync(Operation.ManageFollowUp, organId, null, cancellationToken) || (user.UserId is { } me && item.ResponsibleUserId == me)))
        {
            return Error.NotFound(item is Assignment ? "Uppdraget" : "Åtgärden");
        }

        db.SetOriginalVersion(item, request.Version);
        try
        {
            item.SetStatus(request.Status, SwedishTime.LocalDate(clock.GetUtcNow()), await AuthorAsync(cancellationToken), request.Note);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(item, item.Id, cancellationToken);
    }

    /// <summary>
    /// The report or its cover letter as a file (checked like a handling, <see cref="Domain.Cases.FileSniffer"/>); a new upload
    /// replaces the link, the earlier file is kept.
    /// </summary>
    public async Task<Result<Guid>> AttachFileAsync(Guid reportId, bool coverLetter, string fileName, byte[] content, long maxBytes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var report = await db.AuditReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var grants = await access.SnapshotAsync(cancellationToken);
        if (report is null || !report.OrganIds.Any(o => grants.Can(Operation.ManageFollowUp, o)))
        {
            return Error.NotFound("Granskningsrapporten");
        }

        var upload = Files.UploadedFile.Check(fileName, content, maxBytes);
        if (upload.Error is { } invalid)
        {
            return invalid;
        }

        var file = Domain.Files.StoredFile.ForAuditReport(upload.Value!.FileName, upload.Value.ContentType, content, report.Id, user.UserId);
        db.StoredFiles.Add(file);
        report.AttachFiles(coverLetter ? null : file.Id, coverLetter ? file.Id : null);
        return await db.SaveOrConflictAsync(report, file.Id, cancellationToken);
    }

    /// <summary>
    /// A draft of the organ's yttrande from the recommendations addressed to it, its positions and its actions, for the
    /// secretary to copy into the tjänsteskrivelse and edit.
    /// </summary>
    public async Task<Result<string>> DraftStatementAsync(Guid answerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var answer = await db.AuditAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null || !await access.CanAsync(Operation.ManageFollowUp, answer.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Yttrandet");
        }

        var report = await db.AuditReports.AsNoTracking().SingleAsync(r => r.Id == answer.ReportId, cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == answer.OrganId, cancellationToken);
        var recommendations = await db.AuditRecommendations.AsNoTracking()
            .Where(r => r.ReportId == report.Id && r.OrganIds.Contains(organ.Id)).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var actions = await db.FollowUpActions.AsNoTracking().Where(a => a.AnswerId == answer.Id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        return Result<string>.Ok(StatementDraft.Write(organ.Name, report, recommendations, answer, actions));
    }

    /// <summary>
    /// Writes the draft yttrande into the answer case's tjänsteskrivelse while it has no text of its own yet (nothing a
    /// case officer wrote is overwritten); otherwise the draft is there to copy.
    /// </summary>
    public async Task<Result<Guid>> WriteStatementIntoReportAsync(Guid answerId, CancellationToken cancellationToken = default)
    {
        var draft = await DraftStatementAsync(answerId, cancellationToken);
        if (draft.Error is { } error)
        {
            return error;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var answer = await db.AuditAnswers.AsNoTracking().SingleAsync(a => a.Id == answerId, cancellationToken);
        var existing = await db.OfficerReports.SingleOrDefaultAsync(r => r.CaseId == answer.CaseId, cancellationToken);
        if (existing is not null && (existing.DescriptionHtml.Length > 0 || existing.Proposals.Count > 0))
        {
            return Error.Invalid("Ärendets tjänsteskrivelse har redan text och skrivs inte över. Kopiera utkastet och klistra in det där det passar.");
        }

        var report = OfficerReportDraft.Write(db, answer.CaseId, draft.Value!, ["avge yttrande över granskningsrapporten enligt förvaltningens förslag"], existing);
        db.CaseEvents.Add(Domain.Cases.CaseEvent.ReportSaved(answer.CaseId, clock.GetUtcNow(), user.UserName ?? "system"));
        return await db.SaveOrConflictAsync(report, answer.CaseId, cancellationToken);
    }

    /// <summary>The employees with a login, to name as responsible (their reminders go to their address).</summary>
    public Task<IReadOnlyList<Organisation.Lookup>> StaffAsync(CancellationToken cancellationToken = default) => users.StaffAsync(cancellationToken);

    private Task<string> AuthorAsync(CancellationToken cancellationToken) => Author.NameAsync(users, user, cancellationToken);
}

/// <summary>The text of a draft yttrande (<see cref="AuditReportsHandler.DraftStatementAsync"/>).</summary>
public static class StatementDraft
{
    public static string Write(string organName, AuditReport report, IReadOnlyList<AuditRecommendation> recommendations, AuditAnswer answer, IReadOnlyList<FollowUpAction> actions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(answer);
        var lines = new List<string>
        {
            $"Yttrande över granskningsrapport: {report.Title}",
            string.Empty,
            $"{report.AuditorFirm} har på uppdrag av {Lower(report.OnBehalfOf)} granskat {report.Title.ToLowerInvariant().Replace("granskning av ", string.Empty, StringComparison.Ordinal)}. "
                + $"Rapporten är daterad {report.ReportedOn:yyyy-MM-dd}{(report.AnswerDueOn is { } due ? $" och revisorerna önskar svar senast {due:yyyy-MM-dd}" : string.Empty)}. "
                + $"{organName} lämnar följande yttrande över de rekommendationer som riktas till nämnden.",
        };
        foreach (var recommendation in recommendations)
        {
            lines.Add(string.Empty);
            lines.Add($"Rekommendation {recommendation.Number}: {recommendation.Text}");
            var position = answer.Positions.FirstOrDefault(p => p.RecommendationId == recommendation.Id);
            lines.Add(position is null ? "Nämndens ställningstagande: (ej angivet)" : $"Nämndens ställningstagande: {position.Position}");
            var its = actions.Where(a => a.RecommendationId == recommendation.Id).ToList();
            if (its.Count > 0)
            {
                lines.Add("Åtgärder:");
                lines.AddRange(its.Select(a =>
                    $"- {a.Description} Ansvarig: {a.Responsible}.{(a.DueOn is { } d ? $" Klart senast {d:yyyy-MM-dd}." : string.Empty)} Status: {a.Status.SwedishName()}."));
            }

            if (position?.ReportBackOn is { } back)
            {
                lines.Add($"Nämnden återrapporterar senast {back:yyyy-MM-dd}.");
            }
        }

        return string.Join('\n', lines);
    }

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}

/// <summary>The name a progress note or a result is signed with: the login's display name, else its user name.</summary>
internal static class Author
{
    public static async Task<string> NameAsync(IUserDirectory users, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.UserId is { } me && (await users.DisplayNamesAsync([me], cancellationToken)).TryGetValue(me, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return user.UserName ?? "okänd";
    }
}
