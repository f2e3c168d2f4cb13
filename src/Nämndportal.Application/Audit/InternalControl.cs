using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Audit;

public sealed record AddControlPoint(Guid OrganId, int Year, string Risk, string Method, string Responsible, string When);

public sealed record RecordControlResult(Guid PlanId, uint Version, Guid PointId, string Result, bool Deviation);

/// <summary>An organ's plan for a year as the page shows it; null plan when none is made yet.</summary>
public sealed record InternalControlView(Guid OrganId, int Year, bool CanManage, InternalControlPlan? Plan, string? ReportCaseNumber);

/// <summary>
/// Internal control (issue 13 point 4): a plan per organ and year with control points (risk, how it is checked, who, when),
/// their results, and the report of the results to the board as a case with the summary as its description. Kept by those
/// who keep the organ's follow-up; read by the organ's readers of audit material (a revisor in scope, audited).
/// </summary>
public sealed class InternalControlHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IUserDirectory users, TimeProvider clock, AuditTrail.AuditTrailRecorder auditTrail)
{
    public async Task<Result<InternalControlView>> GetAsync(Guid organId, int year, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        var canManage = grants.Can(Operation.ManageFollowUp, organId);
        if (!canManage && !grants.Can(Operation.ReadAuditMaterial, organId))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var plan = await db.InternalControlPlans.AsNoTracking().SingleOrDefaultAsync(p => p.OrganId == organId && p.Year == year, cancellationToken);
        var caseNumber = plan?.ReportCaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (grants.IsAuditor && plan is not null)
        {
            auditTrail.AuditMaterialRead(db, organId, $"Internkontrollplan {year}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<InternalControlView>.Ok(new InternalControlView(organId, year, canManage, plan, caseNumber));
    }

    /// <summary>Adds a control point, making the year's plan when it is the first.</summary>
    public async Task<Result<Guid>> AddPointAsync(AddControlPoint request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageFollowUp, request.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Organet");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        try
        {
            var plan = await db.InternalControlPlans.SingleOrDefaultAsync(p => p.OrganId == request.OrganId && p.Year == request.Year, cancellationToken);
            if (plan is null)
            {
                plan = new InternalControlPlan(request.OrganId, request.Year);
                db.InternalControlPlans.Add(plan);
            }

            plan.AddPoint(request.Risk, request.Method, request.Responsible, request.When);
            return await db.SaveOrConflictAsync(plan, plan.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }

    public async Task<Result<Guid>> RecordResultAsync(RecordControlResult request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var plan = await db.InternalControlPlans.SingleOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken);
        if (plan is null || !await access.CanAsync(Operation.ManageFollowUp, plan.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Planen");
        }

        db.SetOriginalVersion(plan, request.Version);
        try
        {
            plan.RecordResult(request.PointId, request.Result, request.Deviation, SwedishTime.LocalDate(clock.GetUtcNow()), await AuthorAsync(cancellationToken));
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(plan, plan.Id, cancellationToken);
    }

    public async Task<Result<Guid>> RemovePointAsync(Guid planId, uint version, Guid pointId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var plan = await db.InternalControlPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !await access.CanAsync(Operation.ManageFollowUp, plan.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Planen");
        }

        db.SetOriginalVersion(plan, version);
        try
        {
            plan.RemovePoint(pointId);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        return await db.SaveOrConflictAsync(plan, plan.Id, cancellationToken);
    }

    /// <summary>
    /// Registers the case "Uppföljning av internkontrollplan YYYY" in the organ's series with the results as its
    /// description, and locks the plan — in one transaction.
    /// </summary>
    public async Task<Result<Guid>> ReportToBoardAsync(Guid planId, uint version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var plan = await db.InternalControlPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !await access.CanAsync(Operation.ManageFollowUp, plan.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Planen");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == plan.OrganId, cancellationToken);
        db.SetOriginalVersion(plan, version);
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var @case = await Cases.RegisterCaseHandler.NewCaseAsync(db, organ, $"Uppföljning av internkontrollplan {plan.Year}", SwedishTime.LocalDate(now), now, user.UserName ?? "system", cancellationToken);
        try
        {
            plan.ReportToBoard(@case.Id);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        // The tjänsteskrivelse is drafted with the results; the case officer edits it like any other.
        OfficerReportDraft.Write(db, @case.Id, plan.Summary(organ.Name), [$"lägga uppföljningen av internkontrollplanen {plan.Year} till handlingarna"]);
        var saved = await db.SaveOrConflictAsync(plan, @case.Id, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private Task<string> AuthorAsync(CancellationToken cancellationToken) => Author.NameAsync(users, user, cancellationToken);
}
