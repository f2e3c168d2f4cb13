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

/// <summary>
/// Granskningsrapporter and the answers to them (issue 13): those who keep an organ's follow-up (<see cref="Operation.ManageFollowUp"/>)
/// register a report for organs they keep — all of them — and each addressed organ's answer is a case of its own with the
/// organ's position per recommendation and its actions. The person responsible for an action updates it too.
/// </summary>
public sealed class AuditReportsHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IUserDirectory users, TimeProvider clock)
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

    /// <summary>A new status or a progress note, by those who keep the organ's follow-up or the action's responsible person.</summary>
    public async Task<Result<Guid>> UpdateActionAsync(UpdateFollowUp request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var action = await db.FollowUpActions.SingleOrDefaultAsync(a => a.Id == request.ItemId, cancellationToken);
        var organId = action is null ? (Guid?)null
            : await db.AuditAnswers.Where(a => a.Id == action.AnswerId).Select(a => (Guid?)a.OrganId).SingleOrDefaultAsync(cancellationToken);
        if (action is null || organId is null
            || !(await access.CanAsync(Operation.ManageFollowUp, organId, null, cancellationToken) || (user.UserId is { } me && action.ResponsibleUserId == me)))
        {
            return Error.NotFound("Åtgärden");
        }

        db.SetOriginalVersion(action, request.Version);
        try
        {
            action.SetStatus(request.Status, SwedishTime.LocalDate(clock.GetUtcNow()), await AuthorAsync(cancellationToken), request.Note);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(action, action.Id, cancellationToken);
    }

    private async Task<string> AuthorAsync(CancellationToken cancellationToken)
    {
        if (user.UserId is { } me && (await users.DisplayNamesAsync([me], cancellationToken)).TryGetValue(me, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return user.UserName ?? "okänd";
    }
}
