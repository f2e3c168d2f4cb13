using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Cases;

public class OfficerReportPdfTests(DatabaseFixture database, PdfRendererFixture pdf)
    : IntegrationTest(database), IClassFixture<PdfRendererFixture>
{
    [Fact]
    public async Task Printed_report_has_the_municipal_header_numbered_proposals_every_section_and_no_script_or_secret()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = SaveOfficerReport.From((await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        request.Proposals = ["godkänna planen för platser", "uppdra åt förvaltningen att återrapportera"];
        request.SummaryHtml = "<p>Tolv nya platser behövs.<script>document.write('SKADLIGT-SKRIPT')</script></p>";
        request.DescriptionHtml = "<h3>Bakgrund</h3><p onclick=\"alert('KLICKFÄLLA')\">Kön har vuxit under året.</p><ul><li>Punkt ett</li></ul>";
        request.DecisionBasis = [s.Report.Id, s.Secret.Id];
        request.Consequences[0].Html = "<p>Kostnaden ryms i budgeten.</p>";
        request.DispatchTo = ["Vård och omsorg", "Akten"];
        request.OfficerTitle = "Utredare";
        request.OfficerPhone = "0240-123 45";
        (await s.Save(s.Officer).HandleAsync(request)).Value!.FormattingRemoved.ShouldBeTrue();
        var jobs = new RecordingJobScheduler();
        var taskId = (await new StartOfficerReportPdfHandler(s.Factory(s.Member), s.Access(s.Member), s.Member, jobs)
            .HandleAsync(new StartOfficerReportPdf(s.Case.Id))).Value;

        await Job(s).RunAsync(taskId, s.Case.Id, CancellationToken.None);

        await using var db = Database.CreateContext();
        var task = await db.BackgroundTasks.SingleAsync(t => t.Id == taskId);
        task.Status.ShouldBe(BackgroundTaskStatus.Succeeded);
        var file = await db.StoredFiles.SingleAsync(f => f.Id == task.ResultFileId);
        file.OwnerUserId.ShouldBe(s.Member.UserId, "who asked for the PDF is kept");
        file.Source.ShouldBe(StoredFileSource.OfficerReport, "access to the PDF is decided from the tjänsteskrivelse it was made from");
        file.SourceId.ShouldBe((await db.OfficerReports.SingleAsync(r => r.CaseId == s.Case.Id)).Id);
        file.CaseId.ShouldBe(s.Case.Id);
        file.ContainsSecret.ShouldBeFalse("a secret handling is named only by number and provision");
        file.FileName.ShouldBe("tjansteskrivelse-OMF-2026-12.pdf");

        using var document = PdfDocument.Open(file.Content);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        foreach (var expected in new[]
                 {
                     "Exempelby kommun", "Omsorgsförvaltningen", "TJÄNSTESKRIVELSE", "2026-11-22", "OMF-2026-12", "Hanna Handläggare", "Utredare",
                     "hanna.handlaggare@exempelby.se", "0240-123 45", "Plan för äldreomsorgens platser",
                     "Förvaltningens förslag till beslut", "1. att godkänna planen för platser", "2. att uppdra åt förvaltningen att återrapportera",
                     "Sammanfattning", "Tolv nya platser behövs.", "Beskrivning av ärendet", "Bakgrund", "Kön har vuxit under året.",
                     "Ekonomi", "Kostnaden ryms i budgeten.", "Beslutsunderlag", "Handling 1, 2026-11-20, Tjänsteskrivelse om platserna",
                     "Handling 3 (sekretess enligt OSL 26 kap. 1 §)", "Beslut skickas till", "Vård och omsorg", "Akten",
                 })
        {
            text.ShouldContain(expected);
        }

        text.ShouldNotContain("SKADLIGT-SKRIPT");
        text.ShouldNotContain("KLICKFÄLLA");
        text.ShouldNotContain("Sven Svensson", customMessage: "a secret handling is printed without its description");
        text.ShouldNotContain("Barnperspektiv", customMessage: "a konsekvensbeskrivning left empty is not printed");
        text.IndexOf("Förvaltningens förslag till beslut", StringComparison.Ordinal)
            .ShouldBeLessThan(text.IndexOf("Beslutsunderlag", StringComparison.Ordinal));
        document.Information.Title.ShouldBe("Tjänsteskrivelse OMF-2026-12 – Plan för äldreomsorgens platser");
    }

    [Fact]
    public async Task Job_for_an_already_finished_task_does_nothing()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var task = new BackgroundTask(StartOfficerReportPdfHandler.Kind, "Tjänsteskrivelse", s.Officer.UserId);
        task.Start(DateTimeOffset.UtcNow);
        task.Succeed(null, DateTimeOffset.UtcNow);
        await InsertAsync(task);

        await Job(s).RunAsync(task.Id, s.Case.Id, CancellationToken.None);

        await using var db = Database.CreateContext();
        (await db.StoredFiles.CountAsync()).ShouldBe(0);
        (await db.BackgroundTasks.SingleAsync()).Attempts.ShouldBe(1);
    }

    private RenderOfficerReportPdfJob Job(OfficerReportScenario s) => new(
        new TestDbContextFactory(Database, TestUser.Anonymous, s.Clock),
        pdf.Renderer,
        new RichTextSanitizer(),
        s.Clock,
        Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }),
        NullLogger<RenderOfficerReportPdfJob>.Instance);
}
