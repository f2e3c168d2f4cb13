using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Reader;

/// <summary>
/// The meeting reader's files through the real app: range requests as pdf.js makes them, the reader's access rule (a
/// member on the meeting's date; not a member of another organ, nor one whose seat ended before the meeting), a secret
/// handling's read audited once per read, and downloads with the spårbarhetsstämpel on every page.
/// </summary>
public class ReaderFileTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string Reader = "lena.lasare@exempelby.se";
    private const string Former = "fredrik.forre@exempelby.se";

    [Fact]
    public async Task A_document_answers_range_requests_with_the_right_bytes_416_outside_the_file_and_the_whole_file_when_If_Range_is_stale()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        using var member = await LoginAsync(app, Reader);
        var url = $"/sammantraden/{s.MeetingId}/las/dokument/{s.OpenVersion}";

        var whole = await member.GetAsync(url);
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(s.OpenPdf);
        whole.Headers.AcceptRanges.ShouldContain("bytes");
        whole.Headers.ETag!.IsWeak.ShouldBeFalse();
        whole.Headers.ETag.Tag.ShouldBe($"\"{FileBlob.Checksum(s.OpenPdf)}\"");
        whole.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        whole.Headers.CacheControl!.Private.ShouldBeTrue();

        using var partRequest = new HttpRequestMessage(HttpMethod.Get, url);
        partRequest.Headers.Range = new RangeHeaderValue(100, 1099);
        var part = await member.SendAsync(partRequest);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 100-1099/{s.OpenPdf.Length}");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(s.OpenPdf[100..1100]);

        using var outside = new HttpRequestMessage(HttpMethod.Get, url);
        outside.Headers.Range = new RangeHeaderValue(s.OpenPdf.Length + 10, null);
        var unsatisfiable = await member.SendAsync(outside);
        unsatisfiable.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
        unsatisfiable.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes */{s.OpenPdf.Length}");

        using var current = new HttpRequestMessage(HttpMethod.Get, url);
        current.Headers.Range = new RangeHeaderValue(10, 19);
        current.Headers.IfRange = new RangeConditionHeaderValue(whole.Headers.ETag);
        var stillSame = await member.SendAsync(current);
        stillSame.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await stillSame.Content.ReadAsByteArrayAsync()).ShouldBe(s.OpenPdf[10..20]);

        // A viewer holding pages of an earlier file gets the whole current file, not a piece of it to mix with the old.
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.Range = new RangeHeaderValue(10, 19);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"an-earlier-version\""));
        var changed = await member.SendAsync(stale);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadAsByteArrayAsync()).ShouldBe(s.OpenPdf);
    }

    [Fact]
    public async Task A_secret_handling_read_in_five_ranges_is_audited_once_and_never_cached()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        using var member = await LoginAsync(app, Reader);
        var url = $"/sammantraden/{s.MeetingId}/las/dokument/{s.SecretVersion}";
        var chunk = s.SecretPdf.Length / 5 + 1;
        var received = new List<byte>();
        for (var from = 0; from < s.SecretPdf.Length; from += chunk)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(from, Math.Min(from + chunk, s.SecretPdf.Length) - 1);
            var response = await member.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            received.AddRange(await response.Content.ReadAsByteArrayAsync());
        }

        received.ToArray().ShouldBe(s.SecretPdf);
        (await ReadsAsync(AuditActions.SecretRead)).ShouldBe(1, "five ranges of one read are one line in the audit trail");

        // Opening it again (from byte 0) is a new read.
        (await member.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadsAsync(AuditActions.SecretRead)).ShouldBe(2);
        await using var db = Database.CreateContext();
        (await db.AuditTrail.Where(a => a.Action == AuditActions.SecretRead).Select(a => a.UserName).ToListAsync()).ShouldAllBe(n => n == Reader);
    }

    [Fact]
    public async Task Only_members_on_the_meetings_date_read_its_documents_and_every_refusal_is_the_same_404_and_audited()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        var document = $"/sammantraden/{s.MeetingId}/las/dokument/{s.OpenVersion}";

        using var member = await LoginAsync(app, Reader);
        (await member.GetAsync(document)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var otherOrgan = await LoginAsync(app, "ersattare@exempelby.se");
        using var former = await LoginAsync(app, Former);
        var refusals = new List<(HttpClient Client, string Url)>
        {
            (otherOrgan, document),
            (former, document),
            (former, $"/sammantraden/{s.MeetingId}/las/paket/ladda-ned"),
            // Missing: a version not on this meeting's agenda (on a later one's), an unknown meeting.
            (member, $"/sammantraden/{s.MeetingId}/las/dokument/{s.NotOnAgendaVersion}"),
            (member, $"/sammantraden/{Guid.NewGuid()}/las/dokument/{s.OpenVersion}"),
        };
        var bodies = new List<string>();
        foreach (var (client, url) in refusals)
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldContain("finns inte, eller så saknar du behörighet");
            body.ShouldNotContain("Läsplattan");
            bodies.Add(body.Replace("Handlingspaketet", "Handlingen", StringComparison.Ordinal));
        }

        bodies.Distinct().Count().ShouldBe(1, "missing and forbidden answer alike");
        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.Action == AuditActions.ReaderRefused).OrderBy(a => a.Id).ToListAsync();
        lines.Select(l => l.UserName).ShouldBe(["ersattare@exempelby.se", Former, Former, Reader, Reader]);
        lines[0].EntityId.ShouldBe(s.MeetingId);
        lines[0].Summary.ShouldContain(s.OpenVersion.ToString());
    }

    [Fact]
    public async Task An_official_of_the_organ_reads_the_open_handling_but_not_the_secret_one_and_gets_the_pack_without_it()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        using var official = await LoginAsync(app, "handlaggare@exempelby.se");

        (await official.GetAsync($"/sammantraden/{s.MeetingId}/las/dokument/{s.OpenVersion}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.GetAsync($"/sammantraden/{s.MeetingId}/las/dokument/{s.SecretVersion}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync($"/sammantraden/{s.MeetingId}/las/dokument/{s.SecretVersion}/ladda-ned")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var pack = await official.GetAsync($"/sammantraden/{s.MeetingId}/las/paket/ladda-ned");
        pack.StatusCode.ShouldBe(HttpStatusCode.OK);
        pack.Headers.CacheControl!.Private.ShouldBeTrue();
        var pages = PageTexts(await pack.Content.ReadAsByteArrayAsync());
        string.Join("\n", pages).ShouldNotContain("HEMLIG");
        pages.ShouldContain(text => text.Contains("Handling 2 (sekretess)"));
        pages.ShouldAllBe(text => text.Contains("Nedladdad av Hanna Handläggare"));

        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.ReaderRefused && a.UserName == "handlaggare@exempelby.se")).ShouldBe(2);
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretRead || a.Action == AuditActions.SecretDownloaded)).ShouldBe(0);
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.StampedDownload && a.EntityType == nameof(StoredFile))).ShouldBe(1);
    }

    [Fact]
    public async Task A_downloaded_handling_and_the_members_pack_carry_the_spårbarhetsstämpel_on_every_page()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        using var member = await LoginAsync(app, Reader);

        var download = await member.GetAsync($"/sammantraden/{s.MeetingId}/las/dokument/{s.OpenVersion}/ladda-ned");
        var after = SwedishTime.ToLocal(DateTimeOffset.UtcNow);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("lasplatta.pdf");
        download.Headers.CacheControl!.Private.ShouldBeTrue();
        var pages = PageTexts(await download.Content.ReadAsByteArrayAsync());
        pages.Count.ShouldBe(3);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain($"Sida {i + 1} av handlingen");
            pages[i].ShouldContain("Nedladdad av Lena Läsare");
            // The time in Stockholm, to the minute (taken a moment before the response was read).
            pages[i].ShouldMatch($"Nedladdad av Lena Läsare ({after:yyyy-MM-dd HH.mm}|{after.AddMinutes(-1):yyyy-MM-dd HH.mm})");
        }

        var pack = await member.GetAsync($"/sammantraden/{s.MeetingId}/las/paket/ladda-ned");
        pack.StatusCode.ShouldBe(HttpStatusCode.OK);
        pack.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        pack.Headers.CacheControl!.NoStore.ShouldBeTrue("the members' pack holds the secret handling");
        var packPages = PageTexts(await pack.Content.ReadAsByteArrayAsync());
        packPages.Count.ShouldBe(4);
        packPages.ShouldAllBe(text => text.Contains("Nedladdad av Lena Läsare"));
        packPages[3].ShouldContain("HEMLIG utredning", customMessage: "a member called to the meeting gets the members' pack");

        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.StampedDownload && a.UserName == Reader)).ShouldBe(1);
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretDownloaded && a.UserName == Reader && a.EntityType == nameof(StoredFile))).ShouldBe(1);
    }

    [Fact]
    public async Task The_tjänsteskrivelse_is_the_packs_own_part_printed_once_and_answers_ranges()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var s = await ScenarioAsync(app);
        using var member = await LoginAsync(app, Reader);
        var url = $"/sammantraden/{s.MeetingId}/las/punkt/{s.ItemId}/tjansteskrivelse";

        var first = await member.GetAsync(url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        var pdf = await first.Content.ReadAsByteArrayAsync();
        var text = string.Join("\n", PageTexts(pdf));
        text.ShouldContain("TJÄNSTESKRIVELSE");
        text.ShouldContain("köpa läsplattor");
        await using (var db = Database.CreateContext())
        {
            (await db.PackParts.SingleAsync()).Content.ShouldBe(pdf, "the reader shows the part the pack prints, cached");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var part = await member.SendAsync(request);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(pdf[..100]);
        part.Headers.ETag.ShouldBe(first.Headers.ETag);

        // Its download is the same public file, saved instead of shown (no stamp: a tjänsteskrivelse is public).
        var download = await member.GetAsync(url + "/ladda-ned");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        // The pack printed afterwards takes the same part: only its kallelse page is new.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.Meetings.NoticePackService>().BuildAsync(s.MeetingId, PackVariant.Members, 1, null);
        }

        await using (var db = Database.CreateContext())
        {
            (await db.PackParts.CountAsync()).ShouldBe(2);
        }

        // An item that is not on this meeting is refused like anything else.
        (await member.GetAsync($"/sammantraden/{s.MeetingId}/las/punkt/{Guid.NewGuid()}/tjansteskrivelse")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync($"/sammantraden/{s.MeetingId}/las/punkt/{Guid.NewGuid()}/tjansteskrivelse/ladda-ned")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<int> ReadsAsync(string action)
    {
        await using var db = Database.CreateContext();
        return await db.AuditTrail.CountAsync(a => a.Action == action);
    }

    private static async Task<HttpClient> LoginAsync(PortalFactory app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(client, email, DemoUsers.Password);
        return client;
    }

    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    internal sealed record Scenario(Guid MeetingId, Guid ItemId, Guid OpenVersion, Guid SecretVersion, Guid NotOnAgendaVersion, byte[] OpenPdf, byte[] SecretPdf);

    /// <summary>
    /// In the demo's Omsorgsnämnden: a meeting ten days ahead whose one item puts an open and a secret handling (and the
    /// tjänsteskrivelse) in the pack, a third handling of the case not on its agenda (on a later meeting's), a sent kallelse with a members' pack;
    /// Lena Läsare, ledamot from a year ago, and Fredrik Förre, whose seat ends the day before the meeting.
    /// </summary>
    internal async Task<Scenario> ScenarioAsync(PortalFactory app)
    {
        Guid lenaId, fredrikId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
            lenaId = (await users.CreateAsync(Reader, "Lena Läsare", Roles.Member, DemoUsers.Password)).Value;
            fredrikId = (await users.CreateAsync(Former, "Fredrik Förre", Roles.Member, DemoUsers.Password)).Value;
        }

        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        var meetingDate = today.AddDays(10);
        var openPdf = TestFiles.Pdf(Enumerable.Range(1, 3).Select(i => $"Sida {i} av handlingen " + new string('x', 60)).ToArray());
        var secretPdf = TestFiles.Pdf("HEMLIG utredning om boendet");
        var otherPdf = TestFiles.Pdf("Inte pa dagordningen");
        await using var db = Database.CreateContext();
        var organ = await db.Organs.SingleAsync(o => o.ShortName == "OMN");
        var officer = await db.Users.SingleAsync(u => u.Email == "handlaggare@exempelby.se");
        var lena = new Person("Lena", "Läsare") { UserId = lenaId };
        var fredrik = new Person("Fredrik", "Förre") { UserId = fredrikId };
        db.Persons.AddRange(lena, fredrik);
        db.Memberships.AddRange(
            new Membership(lena.Id, organ.Id, MembershipRole.Ledamot, today.AddYears(-1), null),
            new Membership(fredrik.Id, organ.Id, MembershipRole.Ledamot, today.AddYears(-1), meetingDate.AddDays(-1)));

        // No handläggare of its own: the organ's handläggare reads it as an official, not as the case's officer.
        var @case = new Case(organ.Id, "OMF", today.Year, 951, $"OMF-{today.Year}-951", "Läsplattor till nämnden", today.AddDays(-20), null);
        var open = new CaseDocument(@case.Id, 1, DocumentDirection.Inkommen, today.AddDays(-9), "IT-enheten", "Offert på läsplattor");
        var secret = new CaseDocument(@case.Id, 2, DocumentDirection.Inkommen, today.AddDays(-8), "En enskild", "Utredning");
        secret.MarkSecret("OSL 26 kap. 1 §", today.AddDays(-8), officer.Id, "Hanna Handläggare");
        var other = new CaseDocument(@case.Id, 3, DocumentDirection.Inkommen, today.AddDays(-7), null, "Minnesanteckning");
        var openVersion = new DocumentVersion(@case.Id, open.Id, 1, "lasplatta.pdf", FileKind.Pdf, "application/pdf", openPdf.Length, FileBlob.Checksum(openPdf));
        var secretVersion = new DocumentVersion(@case.Id, secret.Id, 1, "utredning.pdf", FileKind.Pdf, "application/pdf", secretPdf.Length, FileBlob.Checksum(secretPdf));
        var otherVersion = new DocumentVersion(@case.Id, other.Id, 1, "anteckning.pdf", FileKind.Pdf, "application/pdf", otherPdf.Length, FileBlob.Checksum(otherPdf));
        var report = new OfficerReport(@case.Id);
        report.Write(["köpa läsplattor till nämndens ledamöter"], "<p>Läsplattor sparar papper.</p>", "<p>Beskrivning.</p>", [open.Id, secret.Id], [], ["IT-enheten"], "Läsplattor sparar papper.");
        report.Sign("Omsorgsförvaltningen", "Hanna Handläggare", "Handläggare", null, null, today.AddDays(-3));
        db.AddRange(@case, open, secret, other, new FileBlob(openPdf), new FileBlob(secretPdf), new FileBlob(otherPdf), openVersion, secretVersion, otherVersion, report);

        var start = SwedishTime.FromLocal(meetingDate, new TimeOnly(13, 0));
        var meeting = new Meeting(organ.Id, start, start.AddHours(3), "Sammanträdesrum Björken");
        var item = meeting.AddItem(AgendaItemKind.Decision, @case.Title, @case.Id, @case.Number);
        meeting.SetItemDocuments(item.Id, true, [open.Id, secret.Id]);
        db.Meetings.Add(meeting);

        // The third handling is on a later meeting's agenda: through this meeting it is still not there.
        var later = new Meeting(organ.Id, start.AddDays(14), start.AddDays(14).AddHours(3), "Sammanträdesrum Björken");
        var laterItem = later.AddItem(AgendaItemKind.Decision, @case.Title, @case.Id, @case.Number);
        later.SetItemDocuments(laterItem.Id, false, [other.Id]);
        db.Meetings.Add(later);

        // A sent kallelse whose packs are printed: the members' pack holds the secret handling, the other does not.
        var notice = new NoticeVersion(meeting.Id, 1, null, DateTimeOffset.UtcNow, null, "Sara Sekreterare");
        var membersPack = StoredFile.ForNoticePack("kallelse-omn-v1.pdf", TestFiles.Pdf("KALLELSE", "Sida 2 av handlingen", "Sida 3", "HEMLIG utredning om boendet"), notice.Id, containsSecret: true);
        var redactedPack = StoredFile.ForNoticePack("kallelse-omn-v1-utan-sekretess.pdf", TestFiles.Pdf("KALLELSE", "Handling 2 (sekretess)"), notice.Id, containsSecret: false);
        var publicPack = StoredFile.ForNoticePack("kallelse-omn-v1-offentlig.pdf", TestFiles.Pdf("KALLELSE"), notice.Id, containsSecret: false);
        notice.AttachPacks(membersPack.Id, redactedPack.Id, publicPack.Id);
        db.AddRange(notice, membersPack, redactedPack, publicPack);
        await db.SaveChangesAsync();
        return new Scenario(meeting.Id, item.Id, openVersion.Id, secretVersion.Id, otherVersion.Id, openPdf, secretPdf);
    }
}
