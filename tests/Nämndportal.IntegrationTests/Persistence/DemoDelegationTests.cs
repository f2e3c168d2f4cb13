using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Meetings;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>Issue 12's demo: Social- och utbildningsnämnden's delegation register and the next meeting's reports.</summary>
public sealed class DemoDelegationTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Social_och_utbildningsnamnden_has_a_delegationsordning_a_draft_of_the_next_seven_delegates_about_sixty_decisions_and_the_reports_on_the_next_agenda()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var db = Database.CreateContext();
        var sun = await db.Organs.SingleAsync(o => o.ShortName == "SUN");
        var schemes = await db.DelegationSchemes.Where(s => s.OrganId == sun.Id).OrderBy(s => s.Number).ToListAsync();
        schemes.Count.ShouldBe(2, "the version in force and a draft of the next");
        var scheme = schemes[0];
        scheme.IsDraft.ShouldBeFalse();
        scheme.Points.Count.ShouldBeGreaterThanOrEqualTo(8);
        schemes[1].IsDraft.ShouldBeTrue();
        schemes[1].Points.Count.ShouldBe(scheme.Points.Count + 1);
        (await db.OnwardDelegations.CountAsync(o => o.OrganId == sun.Id && o.PointCode == "2.1")).ShouldBe(1);
        (await db.PositionHolders.CountAsync(h => h.OrganId == sun.Id)).ShouldBe(7);

        var decisions = await db.DelegatedDecisions.Where(d => d.OrganId == sun.Id).ToListAsync();
        decisions.Count.ShouldBeInRange(55, 70);
        decisions.Select(d => d.SeriesKey).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7, "six positions, the individutskott and the chair");
        decisions.ShouldContain(d => d.Urgent);
        decisions.Count(d => d.IndividualCase).ShouldBeGreaterThanOrEqualTo(10);
        decisions.ShouldContain(d => d.Appealable && !d.MustReport, "one for Anslå beslutet");
        decisions.ShouldContain(d => d.DecidedAs.Title == "Biträdande verksamhetschef förskola", "a decision under the vidaredelegation");
        decisions.Count(d => d.Outcome == "Bifall").ShouldBeGreaterThan(10);

        // Five decisions have their decision document (the förordnanden, the attestantlistor, the tilläggsbelopp, one individual case, stored as secret).
        var documented = decisions.Where(d => d.DocumentFileId is not null).ToList();
        documented.Count.ShouldBe(5);
        var files = await db.StoredFiles.Where(f => documented.Select(d => d.DocumentFileId).Contains(f.Id)).ToListAsync();
        files.ShouldAllBe(f => f.Source == Domain.Files.StoredFileSource.DelegatedDecision && f.ContentType == "application/pdf");
        files.Single(f => f.ContainsSecret).SourceId.ShouldBe(documented.Single(d => d.IndividualCase).Id);

        // The next meeting's standard items carry both reports; the decisions up to the brytdatum are on it.
        var items = await db.AgendaItems.Where(i => i.Report != AgendaReport.None).ToListAsync();
        items.Select(i => i.Report).Order().ShouldBe([AgendaReport.DelegatedDecisions, AgendaReport.Messages]);
        var meetingId = items[0].MeetingId;
        decisions.Count(d => d.ReportMeetingId == meetingId).ShouldBeGreaterThan(40);
        decisions.Where(d => d.ReportMeetingId == meetingId).ShouldAllBe(d => d.MustReport);
        (await db.BoardMessages.CountAsync(m => m.ReportMeetingId == meetingId)).ShouldBe(5);
    }
}
