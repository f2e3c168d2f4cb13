using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Audit;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The follow-up (issue 13), seeded once through the portal's own use cases, acting as the registrar: Rut Revisor's audit
/// scope (Omsorgsnämnden and Social- och utbildningsnämnden); a granskningsrapport on the boards' follow-up of decisions with
/// three recommendations to the two organs; Social- och utbildningsnämnden's answer — its case, positions and actions, one
/// late and one done; assignments from the demo protokoll's §§ that give the administration a task; and Omsorgsnämnden's
/// internal control plan for the year with results on two of its three points.
/// </summary>
public sealed class DemoAuditContent(IServiceProvider services, IAppDbContextFactory dbFactory, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public const string ReportTitle = "Granskning av nämndernas uppföljning av fattade beslut";

    private static readonly string[] Positions =
    [
        "Nämnden delar revisorernas bedömning. Uppdrag registreras från och med nu i Nämndportalen med ansvarig och datum.",
        "Nämnden instämmer. Pågående uppdrag redovisas vid delårsrapporten och vid årsbokslutet.",
    ];

    public async Task<bool> AddAsync(CancellationToken cancellationToken = default)
    {
        Guid sun, omn;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            if (await db.AuditReports.AnyAsync(cancellationToken) || !await db.MeetingMinutes.AnyAsync(cancellationToken))
            {
                return false;
            }

            sun = await db.Organs.Where(o => o.ShortName == "SUN").Select(o => o.Id).SingleAsync(cancellationToken);
            omn = await db.Organs.Where(o => o.ShortName == "OMN").Select(o => o.Id).SingleAsync(cancellationToken);
            if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Auditor).Email) is { } auditor
                && !await db.AuditorScopes.AnyAsync(cancellationToken))
            {
                db.AuditorScopes.AddRange(new AuditorScope(auditor.Id, sun), new AuditorScope(auditor.Id, omn));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Registrar).Email) is not { } registrar)
        {
            return false;
        }

        var officer = await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.CaseOfficer).Email);
        var actor = new DemoActor(registrar.Id, registrar.UserName!, await users.GetRolesAsync(registrar));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var recorder = ActivatorUtilities.CreateInstance<AuditTrailRecorder>(services, actor);
        var reports = ActivatorUtilities.CreateInstance<AuditReportsHandler>(services, access, actor, recorder);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());

        var reportId = Ok(await reports.RegisterAsync(new RegisterAuditReport(
            ReportTitle, "Revisionsbyrån Exempel AB", "De förtroendevalda revisorerna i Exempelby kommun", today.AddDays(-75), today.AddDays(-75).Year,
            [sun, omn], today.AddDays(20),
            [
                new("Säkerställ att varje beslut som innehåller ett uppdrag till förvaltningen registreras och följs upp med ansvarig och datum.", [sun, omn]),
                new("Inför en rutin för återrapportering till nämnden minst två gånger per år av pågående uppdrag.", [sun]),
                new("Se över internkontrollplanen så att den omfattar uppföljning av politiska beslut.", [omn]),
            ]), cancellationToken), "the report");

        var answerId = Ok(await reports.StartAnswerAsync(new StartAuditAnswer(reportId, sun), cancellationToken), "the answer");
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var recommendations = await db.AuditRecommendations.Where(r => r.ReportId == reportId && r.OrganIds.Contains(sun)).OrderBy(r => r.Number).ToListAsync(cancellationToken);
            var answer = await db.AuditAnswers.AsNoTracking().SingleAsync(a => a.Id == answerId, cancellationToken);
            var version = answer.Version;
            foreach (var (recommendation, position) in recommendations.Zip(Positions))
            {
                Ok(await reports.TakePositionAsync(new TakeRecommendationPosition(answerId, version, recommendation.Id, position, today.AddMonths(6)), cancellationToken), "a position");
                await using var again = await dbFactory.CreateAsync(cancellationToken);
                version = (await again.AuditAnswers.AsNoTracking().SingleAsync(a => a.Id == answerId, cancellationToken)).Version;
            }

            var late = Ok(await reports.AddActionAsync(new AddFollowUpAction(answerId, recommendations[0].Id,
                "Ta fram en rutin för registrering av uppdrag i beslut.", "Hanna Handläggare", officer?.Id, today.AddDays(-5)), cancellationToken), "the late action");
            var done = Ok(await reports.AddActionAsync(new AddFollowUpAction(answerId, recommendations[1].Id,
                "Lägg in återrapportering av uppdrag i nämndens årshjul.", "Sara Sekreterare", null, today.AddDays(-10)), cancellationToken), "the done action");
            Ok(await reports.AddActionAsync(new AddFollowUpAction(answerId, recommendations[0].Id,
                "Utbilda handläggarna i den nya rutinen.", "Hanna Handläggare", officer?.Id, today.AddDays(45)), cancellationToken), "the third action");
            await using var read = await dbFactory.CreateAsync(cancellationToken);
            var lateVersion = (await read.FollowUpActions.AsNoTracking().SingleAsync(a => a.Id == late, cancellationToken)).Version;
            Ok(await reports.UpdateActionAsync(new UpdateFollowUp(late, lateVersion, FollowUpStatus.Pagar, "Utkast till rutin finns; väntar på synpunkter från kansliet."), cancellationToken), "the late action's status");
            var doneVersion = (await read.FollowUpActions.AsNoTracking().SingleAsync(a => a.Id == done, cancellationToken)).Version;
            Ok(await reports.UpdateActionAsync(new UpdateFollowUp(done, doneVersion, FollowUpStatus.Genomford, "Årshjulet för 2027 har återrapportering i augusti och februari."), cancellationToken), "the done action's status");

            // The story's own days, so the chart of status over time has a history: the actions were decided some ten
            // weeks ago, and the done one was done three and a half weeks ago.
            var decided = SwedishTime.FromLocal(today.AddDays(-70), new TimeOnly(10, 0));
            await read.FollowUpActions.Where(a => a.AnswerId == answerId).ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAt, decided), cancellationToken);
            await read.FollowUpActions.Where(a => a.Id == done).ExecuteUpdateAsync(set => set.SetProperty(a => a.CompletedOn, today.AddDays(-25)), cancellationToken);
        }

        await AddAssignmentsAsync(omn, access, officer?.Id, today, cancellationToken);
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            // Made the day after the meeting they come from (three weeks ago).
            var made = SwedishTime.FromLocal(today.AddDays(-20), new TimeOnly(9, 0));
            await db.Assignments.Where(a => a.OrganId == omn).ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAt, made), cancellationToken);
        }

        await AddInternalControlAsync(omn, access, actor, recorder, today, cancellationToken);
        return true;
    }

    /// <summary>An assignment from each § of Omsorgsnämnden's protokoll that gives the administration a task.</summary>
    private async Task AddAssignmentsAsync(Guid omn, AccessService access, Guid? officer, DateOnly today, CancellationToken cancellationToken)
    {
        var handler = ActivatorUtilities.CreateInstance<AssignmentsHandler>(services, access);
        var sections = await handler.SectionsAsync(omn, cancellationToken);
        var comments = new[] { "Förvaltningen har tagit fram ett underlag; redovisas för nämnden i maj.", null };
        var i = 0;
        foreach (var section in sections.Where(s => s.SuggestedTask is not null && s.Assignments == 0))
        {
            var task = section.SuggestedTask!;
            var id = Ok(await handler.CreateAsync(new CreateAssignment(section.Id, char.ToUpperInvariant(task[0]) + task[1..], "Eva Exempel, verksamhetschef", null,
                today.AddDays(i == 0 ? 150 : 60)), cancellationToken), "an assignment");
            if (comments[i % comments.Length] is { } comment)
            {
                await using var db = await dbFactory.CreateAsync(cancellationToken);
                var version = (await db.Assignments.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken)).Version;
                Ok(await handler.CommentAsync(new CommentAssignment(id, version, comment), cancellationToken), "a comment");
            }

            i++;
        }

        // One more from the guidelines' §, given by the chair's proposal at the meeting.
        if (sections.FirstOrDefault(s => s.Title.StartsWith("Riktlinjer", StringComparison.Ordinal)) is { } guidelines)
        {
            Ok(await handler.CreateAsync(new CreateAssignment(guidelines.Id, "Följa upp hur riktlinjerna för biståndsbedömning tillämpas och redovisa resultatet för nämnden.",
                "Hanna Handläggare", officer, today.AddDays(3)), cancellationToken), "the guidelines' assignment");
        }
    }

    private async Task AddInternalControlAsync(Guid omn, AccessService access, DemoActor actor, AuditTrailRecorder recorder, DateOnly today, CancellationToken cancellationToken)
    {
        var handler = ActivatorUtilities.CreateInstance<InternalControlHandler>(services, access, actor, recorder);
        foreach (var (risk, method, responsible, when) in new[]
        {
            ("Beslut om bistånd fattas utan stöd i delegationsordningen", "Stickprov på tio beslut per kvartal mot delegationsordningen", "Verksamhetschef", "Mars, juni, september, december"),
            ("Fakturor attesteras av fel person", "Genomgång av attestantlistor mot utbetalningar", "Ekonom", "April och oktober"),
            ("Uppdrag i nämndens beslut följs inte upp", "Avstämning av uppdragslistan mot protokollen", "Nämndsekreterare", "Augusti och februari"),
        })
        {
            Ok(await handler.AddPointAsync(new AddControlPoint(omn, today.Year, risk, method, responsible, when), cancellationToken), "a control point");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var plan = await db.InternalControlPlans.AsNoTracking().SingleAsync(p => p.OrganId == omn && p.Year == today.Year, cancellationToken);
        Ok(await handler.RecordResultAsync(new RecordControlResult(plan.Id, plan.Version, plan.Points[0].Id, "Tio beslut granskade; alla fattade med stöd i delegationsordningen.", false), cancellationToken), "a result");
        await using var again = await dbFactory.CreateAsync(cancellationToken);
        var version = (await again.InternalControlPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id, cancellationToken)).Version;
        Ok(await handler.RecordResultAsync(new RecordControlResult(plan.Id, version, plan.Points[1].Id, "Två attestanter hade slutat men fanns kvar på listan; listan är rättad.", true), cancellationToken), "a result");
    }

    private static Guid Ok(Result<Guid> result, string what) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"The demo follow-up's {what} was refused: {result.Error!.Message}");
}
