using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Meetings;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>Issue 12's demo: Social- och utbildningsnämnden's delegation register and the next meeting's reports.</summary>
public sealed class DemoDelegationTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Social_och_utbildningsnamnden_has_a_delegationsordning_six_delegates_about_sixty_decisions_and_the_reports_on_the_next_agenda()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var db = Database.CreateContext();
        var sun = await db.Organs.SingleAsync(o => o.ShortName == "SUN");
        var scheme = await db.DelegationSchemes.SingleAsync(s => s.OrganId == sun.Id);
        scheme.Points.Count.ShouldBeGreaterThanOrEqualTo(8);
        (await db.PositionHolders.CountAsync(h => h.OrganId == sun.Id)).ShouldBe(6);

        var decisions = await db.DelegatedDecisions.Where(d => d.OrganId == sun.Id).ToListAsync();
        decisions.Count.ShouldBeInRange(55, 70);
        decisions.Select(d => d.SeriesKey).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7, "six positions, the individutskott and the chair");
        decisions.ShouldContain(d => d.Urgent);
        decisions.Count(d => d.IndividualCase).ShouldBeGreaterThanOrEqualTo(10);
        decisions.ShouldContain(d => d.Appealable && !d.MustReport, "one for Anslå beslutet");

        // The next meeting's standard items carry both reports; the decisions up to the brytdatum are on it.
        var items = await db.AgendaItems.Where(i => i.Report != AgendaReport.None).ToListAsync();
        items.Select(i => i.Report).Order().ShouldBe([AgendaReport.DelegatedDecisions, AgendaReport.Messages]);
        var meetingId = items[0].MeetingId;
        decisions.Count(d => d.ReportMeetingId == meetingId).ShouldBeGreaterThan(40);
        decisions.Where(d => d.ReportMeetingId == meetingId).ShouldAllBe(d => d.MustReport);
        (await db.BoardMessages.CountAsync(m => m.ReportMeetingId == meetingId)).ShouldBe(5);
    }
}
