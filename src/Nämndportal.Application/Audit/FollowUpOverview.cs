using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Nämndportal.Application.Common;
using Nämndportal.Application.Delegation;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Audit;

/// <summary>What the overview lists: every open item, only the late ones, or everything (done included).</summary>
public enum FollowUpFilter
{
    Open,
    Late,
    All,
}

/// <summary>One line of the overview: a recommendation's action or an assignment, with its lateness computed for today.</summary>
public sealed record FollowUpRow(
    Guid Id, uint Version, string Kind, string Source, string What, string Responsible, DateOnly? DueOn, FollowUpStatus Status, bool Late, int? DaysLeft,
    string? LastNote, bool CanUpdate, string? Comment = null);

/// <summary>A recommendation and where the organ's answer stands on it.</summary>
public sealed record RecommendationRow(Guid Id, Guid ReportId, string Report, int Number, string Text, string? Position, DateOnly? ReportBackOn, int Actions, int Done);

/// <summary>A granskningsrapport of the organ and its answer.</summary>
public sealed record AuditReportRow(Guid Id, string Title, string AuditorFirm, DateOnly ReportedOn, int PlanYear, DateOnly? AnswerDueOn, Guid? AnswerId, Guid? CaseId, string? DecidedIn, bool AnswerLate);

/// <summary>For the chart: at the end of each month, how many items were open (and of them late) and how many done.</summary>
public sealed record StatusPoint(DateOnly Month, int Open, int Late, int Done);

public sealed record FollowUpOverview(
    IReadOnlyList<DelegationOrganOption> Organs, Guid? OrganId, bool CanManage, IReadOnlyList<AuditReportRow> Reports, IReadOnlyList<RecommendationRow> Recommendations,
    IReadOnlyList<FollowUpRow> Items, IReadOnlyList<StatusPoint> History);

/// <summary>
/// The follow-up overview per organ (issue 13): its granskningsrapporter and answers, the recommendations addressed to it,
/// and every action and assignment with due dates, late ones marked; a chart of status over the last twelve months; and
/// the export to Excel. Read by those with <see cref="Operation.ReadAuditMaterial"/> for the organ (a revisor within
/// their scope; the read is in the audit trail).
/// </summary>
public sealed class FollowUpOverviewHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock, AuditTrail.AuditTrailRecorder auditTrail)
{
    public async Task<FollowUpOverview> HandleAsync(Guid? organId, FollowUpFilter filter = FollowUpFilter.Open, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = (await db.Organs.AsNoTracking().Where(o => o.Kind != Domain.Organisation.OrganKind.Utskott).OrderBy(o => o.Name).ToListAsync(cancellationToken))
            .Where(o => grants.Can(Operation.ReadAuditMaterial, o.Id) || grants.Can(Operation.ManageFollowUp, o.Id))
            .Select(o => new DelegationOrganOption(o.Id, o.Name, grants.Can(Operation.ManageFollowUp, o.Id), false))
            .ToList();
        // Without a choice: the first organ that has something to follow up (a report, an assignment), else the first.
        var withFollowUp = organId is null
            ? (await db.AuditReports.AsNoTracking().Select(r => r.OrganIds).ToListAsync(cancellationToken)).SelectMany(ids => ids)
                .Concat(await db.Assignments.AsNoTracking().Select(a => a.OrganId).Distinct().ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var organ = organs.FirstOrDefault(o => o.Id == organId) ?? organs.FirstOrDefault(o => withFollowUp.Contains(o.Id)) ?? organs.FirstOrDefault();
        if (organ is null)
        {
            return new FollowUpOverview(organs, null, false, [], [], [], []);
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var reports = await db.AuditReports.AsNoTracking().Where(r => r.OrganIds.Contains(organ.Id)).OrderByDescending(r => r.ReportedOn).ToListAsync(cancellationToken);
        var reportIds = reports.Select(r => r.Id).ToList();
        var answers = await db.AuditAnswers.AsNoTracking().Where(a => a.OrganId == organ.Id && reportIds.Contains(a.ReportId)).ToListAsync(cancellationToken);
        var recommendations = await db.AuditRecommendations.AsNoTracking()
            .Where(r => reportIds.Contains(r.ReportId) && r.OrganIds.Contains(organ.Id)).ToListAsync(cancellationToken);
        var answerIds = answers.Select(a => a.Id).ToList();
        var actions = await db.FollowUpActions.AsNoTracking().Where(a => answerIds.Contains(a.AnswerId)).ToListAsync(cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.OrganId == organ.Id).ToListAsync(cancellationToken);

        var reportRows = reports.Select(r =>
        {
            var answer = answers.FirstOrDefault(a => a.ReportId == r.Id);
            return new AuditReportRow(r.Id, r.Title, r.AuditorFirm, r.ReportedOn, r.PlanYear, r.AnswerDueOn, answer?.Id, answer?.CaseId, answer?.DecidedIn,
                r.AnswerDueOn is { } due && due < today && answer?.DecidedIn is null);
        }).ToList();
        var recommendationRows = recommendations
            .OrderBy(r => reports.FindIndex(x => x.Id == r.ReportId)).ThenBy(r => r.Number)
            .Select(r =>
            {
                var position = answers.FirstOrDefault(a => a.ReportId == r.ReportId)?.Positions.FirstOrDefault(p => p.RecommendationId == r.Id);
                var its = actions.Where(a => a.RecommendationId == r.Id).ToList();
                return new RecommendationRow(r.Id, r.ReportId, reports.Single(x => x.Id == r.ReportId).Title, r.Number, r.Text, position?.Position, position?.ReportBackOn,
                    its.Count, its.Count(a => a.Status == FollowUpStatus.Genomford));
            }).ToList();

        var me = user.UserId;
        var rows = actions.Select(a =>
            {
                var recommendation = recommendations.Single(r => r.Id == a.RecommendationId);
                var report = reports.Single(r => r.Id == recommendation.ReportId);
                return Row(a, "Åtgärd", $"{report.Title}, rekommendation {recommendation.Number}", a.Description, today, organ.CanRegister || (me is not null && a.ResponsibleUserId == me));
            })
            .Concat(assignments.Select(a => Row(a, "Uppdrag", a.Reference, a.Task, today, organ.CanRegister || (me is not null && a.ResponsibleUserId == me)) with { Comment = a.Comment }))
            .Where(r => filter switch
            {
                FollowUpFilter.Open => r.Status != FollowUpStatus.Genomford,
                FollowUpFilter.Late => r.Late,
                _ => true,
            })
            .OrderByDescending(r => r.Late).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Source, StringComparer.Ordinal)
            .ToList();
        var items = actions.Cast<FollowUpItem>().Concat(assignments).ToList();
        var history = History(items, today);

        if (grants.IsAuditor)
        {
            // A revisor's reads of the follow-up are in the audit trail (issue 13, point 6).
            auditTrail.AuditMaterialRead(db, organ.Id, $"Uppföljning av granskningar och uppdrag för {organ.Name}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new FollowUpOverview(organs, organ.Id, organ.CanRegister, reportRows, recommendationRows, rows, history);
    }

    /// <summary>The overview's items (every status) as an Excel file, with the same access as the page.</summary>
    public async Task<Result<ExportedFile>> ExportAsync(Guid organId, CancellationToken cancellationToken = default)
    {
        var overview = await HandleAsync(organId, FollowUpFilter.All, cancellationToken);
        if (overview.OrganId != organId)
        {
            return Error.NotFound("Organet");
        }

        var table = overview.Items.Select(i => new Dictionary<string, object?>
        {
            ["Typ"] = i.Kind,
            ["Källa"] = SpreadsheetText.Safe(i.Source),
            ["Beskrivning"] = SpreadsheetText.Safe(i.What),
            ["Ansvarig"] = SpreadsheetText.Safe(i.Responsible),
            ["Klart senast"] = i.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Status"] = i.Status.SwedishName(),
            ["Försenad"] = i.Late ? "ja" : "nej",
            ["Senaste anteckning"] = i.LastNote is null ? null : SpreadsheetText.Safe(i.LastNote),
            ["Kommentar"] = i.Comment is null ? null : SpreadsheetText.Safe(i.Comment),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table.Count > 0 ? table : [new Dictionary<string, object?> { ["Typ"] = null }], sheetName: "Uppföljning", cancellationToken: cancellationToken);
        var name = $"uppfoljning-{SwedishTime.LocalDate(clock.GetUtcNow()):yyyy-MM-dd}.xlsx";
        return Result<ExportedFile>.Ok(new ExportedFile(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream.ToArray()));
    }

    private static FollowUpRow Row(FollowUpItem item, string kind, string source, string what, DateOnly today, bool canUpdate) =>
        new(item.Id, item.Version, kind, source, what, item.Responsible, item.DueOn, item.Status, item.IsLate(today), FollowUp.DaysLeft(item.DueOn, today),
            item.Notes.LastOrDefault()?.Text, canUpdate);

    /// <summary>At the end of each of the last twelve months (today for this month): open, late and done items that existed then.</summary>
    private static List<StatusPoint> History(List<FollowUpItem> items, DateOnly today)
    {
        var points = new List<StatusPoint>();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var at = end > today ? today : end;
            var existing = items.Where(i => SwedishTime.LocalDate(i.CreatedAt) <= at).ToList();
            var done = existing.Count(i => i.CompletedOn is { } c && c <= at);
            var open = existing.Where(i => i.CompletedOn is not { } c || c > at).ToList();
            points.Add(new StatusPoint(month, open.Count, open.Count(i => i.DueOn is { } d && d < at), done));
        }

        return points;
    }
}
