using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Files;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Nämndportal.IntegrationTests.Meetings;

/// <summary>
/// The kallelse pack printed from a real agenda, read back with PdfPig: page ranges on the kallelse page, the outline,
/// "Sida X av Y", and which variant holds what (rules 1, 2 and 22).
/// </summary>
public partial class NoticePackTests(DatabaseFixture database, PdfRendererFixture pdf)
    : IntegrationTest(database), IClassFixture<PdfRendererFixture>
{
    private const string SecretWords = "SEKRETESSUTREDNING om boendet";
    private const string ClosedWords = "INDIVIDARENDE handlingen";

    [Fact]
    public async Task Rule1_the_kallelse_page_prints_each_items_real_page_range_and_the_pack_numbers_every_page()
    {
        var (s, meeting) = await ScenarioAsync();
        var pack = await Service(s).BuildAsync(meeting.Id, PackVariant.Members, 1, null);

        using var document = PdfDocument.Open(pack.Pdf);
        var pages = document.GetPages().ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Text.ShouldContain($"Sida {i + 1} av {pages.Count}", customMessage: $"page {i + 1}");
        }

        var front = string.Join("\n", pages.Take(pack.FrontMatterPages).Select(p => p.Text));
        front.ShouldContain("KALLELSE");
        front.ShouldContain("Omsorgsnämnden");
        // Item 2 (the decision) starts on the page after the kallelse page: its tjänsteskrivelse is printed first.
        var decision = pack.Items[1];
        decision.FirstPage.ShouldBe(pack.FrontMatterPages + 1);
        front.ShouldContain($"{decision.FirstPage}–{decision.LastPage}");
        pages[decision.FirstPage - 1].Text.ShouldContain("TJÄNSTESKRIVELSE");
        pages[decision.Documents[1].FirstPage - 1].Text.ShouldContain("Kosituationen i november");
        var closed = pack.Items[2];
        pages[closed.FirstPage - 1].Text.ShouldContain(ClosedWords);
        front.ShouldContain(closed.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var outline = document.TryGetBookmarks(out var bookmarks) ? bookmarks.Roots.Select(b => b.Title).ToList() : [];
        // An item without documents has no pages to jump to, so no outline entry.
        outline.ShouldBe(["Kallelse", "2. Plan för äldreomsorgens platser", "3. Yttrande i ett enskilt ärende"]);
    }

    [Fact]
    public async Task Rule2_the_public_pack_holds_nothing_secret_and_nothing_of_a_closed_item_and_says_where_it_is()
    {
        var (s, meeting) = await ScenarioAsync();
        var pack = await Service(s).BuildAsync(meeting.Id, PackVariant.Public, 1, null);

        var text = AllText(pack.Pdf);
        text.ShouldNotContain("SEKRETESSUTREDNING");
        text.ShouldNotContain("INDIVIDARENDE");
        text.ShouldNotContain("Utredning om Sven Svenssons boende", customMessage: "a secret handling's description is not public either");
        text.ShouldNotContain("Yttrande i ett enskilt ärende", customMessage: "a closed item shows its neutral public title");
        text.ShouldContain(AgendaItem.NeutralPublicTitle);
        // Rule 1: the kallelse says the handling is left out and where it is (the text may wrap: compared without spaces).
        Compact(text).ShouldContain(Compact("Handling 3 omfattas av sekretess enligt OSL 26 kap. 1 § och finns hos nämndsekreteraren."));
        text.ShouldContain("Kosituationen i november", customMessage: "an open handling is in the public pack");
    }

    [Fact]
    public async Task Rule22_the_members_pack_holds_the_secret_handling_and_a_called_member_reading_it_is_in_the_audit_trail()
    {
        var (s, meeting) = await ScenarioAsync();
        var service = Service(s);
        var members = await service.BuildAsync(meeting.Id, PackVariant.Members, 1, null);
        var redacted = await service.BuildAsync(meeting.Id, PackVariant.MembersWithoutSecrets, 1, null);
        AllText(members.Pdf).ShouldContain("SEKRETESSUTREDNING");
        AllText(redacted.Pdf).ShouldNotContain("SEKRETESSUTREDNING");
        AllText(redacted.Pdf).ShouldContain(ClosedWords, customMessage: "officials of the organ read the closed item's open handlingar");

        // Sent: the three packs are stored once with the version; a second run changes nothing.
        var version = new NoticeVersion(meeting.Id, 1, null, s.Clock.GetUtcNow(), null, "Sara Sekreterare");
        await InsertAsync(version);
        await service.EnsureVersionPacksAsync(version.Id);
        await service.EnsureVersionPacksAsync(version.Id);
        await using var db = Database.CreateContext();
        var stored = await db.NoticeVersions.SingleAsync(v => v.Id == version.Id);
        (await db.StoredFiles.CountAsync(f => f.Source == StoredFileSource.NoticePack)).ShouldBe(3);
        (await db.StoredFiles.SingleAsync(f => f.Id == stored.MembersPackFileId)).ContainsSecret.ShouldBeTrue();
        (await db.StoredFiles.SingleAsync(f => f.Id == stored.PublicPackFileId)).ContainsSecret.ShouldBeFalse();

        var read = await Files(s, s.Member).HandleAsync(new GetStoredFile(stored.MembersPackFileId!.Value));
        read.Succeeded.ShouldBeTrue(read.Error?.Message);
        AllText(read.Value!.Content).ShouldContain("SEKRETESSUTREDNING");
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretDownloaded && a.EntityId == stored.MembersPackFileId && a.UserId == s.Member.UserId))
            .ShouldBe(1);

        // A handläggare of the organ is not called: the members' pack is refused, the one without secrets is not.
        (await Files(s, s.OtherOfficer).HandleAsync(new GetStoredFile(stored.MembersPackFileId.Value))).Error!.Code.ShouldBe("not_found");
        (await Files(s, s.OtherOfficer).HandleAsync(new GetStoredFile(stored.RedactedPackFileId!.Value))).Succeeded.ShouldBeTrue();
        // A member of another organ gets nothing, the same answer as for a file that does not exist.
        (await Files(s, s.Outsider).HandleAsync(new GetStoredFile(stored.PublicPackFileId!.Value))).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Re_printing_after_one_change_prints_only_the_changed_part_from_the_cache()
    {
        var (s, meeting) = await ScenarioAsync();
        var service = Service(s);
        await service.BuildAsync(meeting.Id, PackVariant.Members, 1, null);
        await using var db = Database.CreateContext();
        var before = await db.PackParts.Select(p => p.Checksum).ToListAsync();
        before.Count.ShouldBe(2, "the kallelse page and one tjänsteskrivelse");

        await service.BuildAsync(meeting.Id, PackVariant.Members, 1, null);
        (await db.PackParts.CountAsync()).ShouldBe(2, "nothing changed, nothing printed");

        var report = await db.OfficerReports.SingleAsync(r => r.CaseId == s.Case.Id);
        db.Entry(report).Property(r => r.SummaryHtml).CurrentValue = "<p>En ändrad sammanfattning.</p>";
        await db.SaveChangesAsync();
        var changed = await service.BuildAsync(meeting.Id, PackVariant.Members, 1, null);
        (await db.PackParts.CountAsync()).ShouldBe(3, "only the changed tjänsteskrivelse is new; the kallelse page's inputs did not change");
        AllText(changed.Pdf).ShouldContain("En ändrad sammanfattning.");
    }

    [Fact]
    public async Task A_corrupt_handling_and_one_not_yet_converted_get_ersattningssidor_and_the_pack_still_prints()
    {
        var (s, meeting) = await ScenarioAsync(corruptQueue: true);
        var pack = await Service(s).BuildAsync(meeting.Id, PackVariant.Members, 1, null);
        var text = AllText(pack.Pdf);
        text.ShouldContain("Handlingen kunde inte läsas (filen är skadad).");
        pack.Items[1].Documents[1].Placeholder.ShouldBe(Application.Pdf.PlaceholderReason.Corrupt);
    }

    [Fact]
    public async Task Draft_job_prints_the_pack_stamped_Utkast_for_the_secretary_and_an_interrupted_run_is_finished_by_the_next()
    {
        var (s, meeting) = await ScenarioAsync();
        var secretary = await CreateUserAsync("sara.sekreterare@exempelby.se", Application.Security.Roles.Secretary);
        await InsertAsync(new OrganOfficial(secretary.UserId!.Value, s.Organ.Id, OfficialFunction.Namndsekreterare));
        var jobs = new RecordingJobScheduler();
        var started = await new StartNoticePackDraftHandler(s.Factory(secretary), s.Access(secretary), secretary, jobs).HandleAsync(new StartNoticePackDraft(meeting.Id));
        started.Succeeded.ShouldBeTrue(started.Error?.Message);
        var taskId = started.Value;

        // The process died after the job had started: the task says Running, one attempt, no file.
        await using (var db = Database.CreateContext())
        {
            var task = await db.BackgroundTasks.SingleAsync(t => t.Id == taskId);
            task.Start(s.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await DraftJob(s).RunAsync(taskId, meeting.Id, CancellationToken.None);
        await DraftJob(s).RunAsync(taskId, meeting.Id, CancellationToken.None);

        await using var check = Database.CreateContext();
        var done = await check.BackgroundTasks.SingleAsync(t => t.Id == taskId);
        done.Status.ShouldBe(Domain.Jobs.BackgroundTaskStatus.Succeeded);
        done.Attempts.ShouldBe(2, "the interrupted run and the one that finished; the third found it done");
        done.ProgressPercent.ShouldBe(100);
        (await check.StoredFiles.CountAsync(f => f.Source == StoredFileSource.NoticePackDraft)).ShouldBe(1);
        var file = await check.StoredFiles.SingleAsync(f => f.Id == done.ResultFileId);
        file.ContainsSecret.ShouldBeTrue("the organ's nämndsekreterare gets the members' pack");
        using var document = PdfDocument.Open(file.Content);
        document.GetPages().ShouldAllBe(p => p.Text.Contains("Utkast"));
        document.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("the draft's kallelse page keeps its tags");
        document.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the draft keeps the pack's outline");
        bookmarks.Roots.Select(b => b.Title).ShouldContain("Kallelse");

        // A ledamot may not start a draft: the same answer as for a meeting that does not exist.
        (await new StartNoticePackDraftHandler(s.Factory(s.Member), s.Access(s.Member), s.Member, jobs).HandleAsync(new StartNoticePackDraft(meeting.Id)))
            .Error!.Code.ShouldBe("not_found");
    }

    private RenderNoticePackDraftJob DraftJob(OfficerReportScenario s) =>
        new(s.Factory(TestUser.Anonymous), Service(s), s.Clock, NullLogger<RenderNoticePackDraftJob>.Instance);

    private async Task<(OfficerReportScenario S, Meeting Meeting)> ScenarioAsync(bool corruptQueue = false)
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var request = SaveOfficerReport.From((await s.Get(s.Officer).HandleAsync(new GetOfficerReport(s.Case.Id))).Value!);
        request.Proposals = ["godkänna planen för platser"];
        request.SummaryHtml = "<p>Tolv nya platser behövs.</p>";
        request.DecisionBasis = [s.Queue.Id, s.Secret.Id];
        (await s.Save(s.Officer).HandleAsync(request)).Succeeded.ShouldBeTrue();

        await using var db = Database.CreateContext();
        AddVersion(db, s.Queue, corruptQueue ? TestFiles.CorruptPdf() : TestFiles.Pdf("Kosituationen i november", "Sida tva av kon"));
        AddVersion(db, s.Secret, TestFiles.Pdf(SecretWords));
        AddVersion(db, s.OtherCasesDocument, TestFiles.Pdf(ClosedWords));
        var start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));
        var meeting = new Meeting(s.Organ.Id, start, start.AddHours(3), "Sammanträdesrum Björken");
        meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        var decision = meeting.AddItem(AgendaItemKind.Decision, s.Case.Title, s.Case.Id, s.Case.Number);
        meeting.SetItemDocuments(decision.Id, true, [s.Queue.Id, s.Secret.Id]);
        meeting.UpdateItem(decision.Id, s.Case.Title, null, "Hanna Handläggare", null, isClosed: false);
        var closed = meeting.AddItem(AgendaItemKind.Decision, "Yttrande i ett enskilt ärende", s.OtherCase.Id, s.OtherCase.Number);
        meeting.UpdateItem(closed.Id, "Yttrande i ett enskilt ärende", null, null, null, isClosed: true);
        meeting.SetItemDocuments(closed.Id, false, [s.OtherCasesDocument.Id]);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (s, meeting);
    }

    private static void AddVersion(Infrastructure.Persistence.AppDbContext db, CaseDocument document, byte[] content)
    {
        var sha = FileBlob.Checksum(content);
        db.FileBlobs.Add(new FileBlob(content));
        db.DocumentVersions.Add(new DocumentVersion(document.CaseId, document.Id, 1, "handling.pdf", FileKind.Pdf, "application/pdf", content.Length, sha));
    }

    private NoticePackService Service(OfficerReportScenario s)
    {
        var factory = s.Factory(TestUser.Anonymous);
        return new NoticePackService(
            factory, pdf.Renderer, new PdfSharpPackAssembler(new PdfPigReader()), new RichTextSanitizer(), new DatabaseUserDirectory(Database),
            Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }), s.Clock, NullLogger<NoticePackService>.Instance);
    }

    private static GetStoredFileHandler Files(OfficerReportScenario s, TestUser user)
    {
        var factory = s.Factory(user);
        return new GetStoredFileHandler(factory, s.Access(user), new AuditTrailRecorder(user, s.Clock));
    }

    private static string AllText(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        return Spaces().Replace(string.Join("\n", document.GetPages().Select(p => p.Text)), " ");
    }

    private static string Compact(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
