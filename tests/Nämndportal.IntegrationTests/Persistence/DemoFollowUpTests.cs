using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Audit;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>
/// Issue 13's demo: a granskningsrapport with three recommendations to two organs, one organ's answer with actions (one
/// late, one done), assignments from the demo protokoll, and Omsorgsnämnden's internal control plan; and the list of
/// assignments printed as "Fattade politiska beslut" by the real Chromium, read back with PdfPig.
/// </summary>
public sealed class DemoFollowUpTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task The_demo_report_has_three_recommendations_to_two_organs_one_answer_with_a_late_and_a_done_action_and_the_assignment_list_prints()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var db = Database.CreateContext();
        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        var sun = await db.Organs.SingleAsync(o => o.ShortName == "SUN");
        var omn = await db.Organs.SingleAsync(o => o.ShortName == "OMN");

        var report = await db.AuditReports.SingleAsync();
        report.Title.ShouldBe(DemoAuditContent.ReportTitle);
        report.OrganIds.ShouldBe([sun.Id, omn.Id], ignoreOrder: true);
        var recommendations = await db.AuditRecommendations.Where(r => r.ReportId == report.Id).OrderBy(r => r.Number).ToListAsync();
        recommendations.Count.ShouldBe(3);
        recommendations[0].OrganIds.Count.ShouldBe(2);

        var answer = await db.AuditAnswers.SingleAsync();
        answer.OrganId.ShouldBe(sun.Id);
        answer.Positions.Count.ShouldBe(2);
        (await db.Cases.SingleAsync(c => c.Id == answer.CaseId)).Title.ShouldStartWith("Yttrande över granskningsrapport");
        var actions = await db.FollowUpActions.Where(a => a.AnswerId == answer.Id).ToListAsync();
        actions.Count(a => a.IsLate(today)).ShouldBe(1);
        actions.Count(a => a.Status == FollowUpStatus.Genomford).ShouldBe(1);
        actions.ShouldAllBe(a => SwedishTime.LocalDate(a.CreatedAt) < today.AddDays(-60), "decided weeks ago, so the chart of status over time has a history");
        actions.Single(a => a.Status == FollowUpStatus.Genomford).CompletedOn.ShouldBe(today.AddDays(-25));

        var assignments = await db.Assignments.Where(a => a.OrganId == omn.Id).ToListAsync();
        assignments.Count.ShouldBeGreaterThanOrEqualTo(2);
        assignments.ShouldAllBe(a => a.Reference.StartsWith("OMN ", StringComparison.Ordinal) && a.Reference.Contains(" § "));
        assignments.ShouldContain(a => a.Task.StartsWith("Uppdra åt förvaltningen", StringComparison.Ordinal));
        assignments.ShouldContain(a => a.Comment != null);
        var secretSections = await db.MinutesSections.Where(s => s.SecrecyProvision != null).Select(s => s.Id).ToListAsync();
        secretSections.ShouldNotBeEmpty("the demo protokoll has a closed, secret §");
        assignments.ShouldAllBe(a => !secretSections.Contains(a.SectionId), "no demo assignment comes from the secret §");

        var plan = await db.InternalControlPlans.SingleAsync(p => p.OrganId == omn.Id);
        plan.Points.Count.ShouldBe(3);
        plan.Points.Count(p => p.HasResult).ShouldBe(2);
        plan.Points.Count(p => p.Deviation).ShouldBe(1);
        var auditor = await db.Users.SingleAsync(u => u.Email == "revisor@exempelby.se");
        (await db.AuditorScopes.Where(s => s.UserId == auditor.Id).Select(s => s.OrganId).ToListAsync()).ShouldBe([sun.Id, omn.Id], ignoreOrder: true);

        // The list as the revisor prints it (their scope holds Omsorgsnämnden), through the app's own PDF renderer.
        var revisor = new TestUser(auditor.Id, "revisor@exempelby.se", Roles.Auditor);
        var clock = TimeProvider.System;
        var factory = new TestDbContextFactory(Database, revisor, clock);
        var handler = new AssignmentsHandler(factory, new AccessService(factory, revisor, clock), clock, app.Services.GetRequiredService<IPdfRenderer>());
        var file = (await handler.PdfAsync(omn.Id)).Value!;
        file.ContentType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(file.Content);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.ShouldContain("Fattade politiska beslut");
        text.ShouldContain("Omsorgsnämnden");
        foreach (var assignment in assignments)
        {
            text.ShouldContain(assignment.Reference.Split(' ')[1], customMessage: "each row's meeting date");
            text.ShouldContain(assignment.Status.SwedishName());
        }

        text.ShouldContain("underlag", customMessage: "the comment column (its words interleave with the other columns' lines)");
        (await handler.PdfAsync(Guid.NewGuid())).Error!.Code.ShouldBe("not_found");
        var outside = await db.Organs.SingleAsync(o => o.ShortName == "KS");
        (await handler.PdfAsync(outside.Id)).Error!.Code.ShouldBe("not_found", "Kommunstyrelsen is outside the revisor's scope");
    }
}
