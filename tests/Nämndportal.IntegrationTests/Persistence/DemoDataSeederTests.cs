using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Search;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Search;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Persistence;

public class DemoDataSeederTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        var before = await CountsAsync();
        var beforeContent = await ContentCountsAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync()).ShouldBeFalse();
        }

        (await CountsAsync()).ShouldBe(before);
        (await ContentCountsAsync()).ShouldBe(beforeContent);
        before.Users.ShouldBe(DemoUsers.All.Count + 2, "one login per role, and the ordförande of Omsorgsnämnden and of Social- och utbildningsnämnden, who share notes with Lars and Erika");
        before.Organs.ShouldBe(6);
        before.Meetings.ShouldBe(11, "the planned ones, and Omsorgsnämnden's extra meeting whose protokoll waits for Lars");
        before.Postings.ShouldBe(2, "the justerat protokoll's anslag and its rättelse's; the kallelser go on the anslagstavla when their sending job runs, and no job server runs here");
        before.NoticeVersions.ShouldBe(2, "Omsorgsnämnden's and fullmäktige's next kallelse are sent, once");
        beforeContent.Documents.ShouldBe(13);
        beforeContent.Reports.ShouldBe(11 + DemoMinutesContent.CaseTitles.Count);
    }

    [Fact]
    public async Task Fullmaktiges_demo_kallelse_is_sent_to_its_members_and_goes_up_on_the_anslagstavla_with_its_public_pack()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await PortalFactory.StartAsync(Database, smtp.MailSettings, seedForReal: true);

        var versionId = await DemoSending.RunAsync(app, Database, "KF");

        await using var db = Database.CreateContext();
        var version = await db.NoticeVersions.SingleAsync(v => v.Id == versionId);
        var meeting = await db.Meetings.Include("_items").SingleAsync(m => m.Id == version.MeetingId);
        meeting.Status.ShouldBe(Domain.Meetings.MeetingStatus.KallelseSkickad);
        meeting.Items.OrderBy(i => i.Position).Select(i => i.Title).ShouldBe(
        [
            .. DemoNoticeBoard.FullmaktigeStandardItems.Take(2), .. DemoNoticeBoard.FullmaktigeItems.Select(i => i.Title),
            .. DemoNoticeBoard.FullmaktigeStandardItems.Skip(2),
        ]);

        var posting = await db.Postings.SingleAsync(p => p.MeetingId == meeting.Id);
        posting.PublicFileId.ShouldBe(version.PublicPackFileId);
        var file = await db.StoredFiles.SingleAsync(f => f.Id == posting.PublicFileId);
        file.ContainsSecret.ShouldBeFalse();
        using (var pdf = PdfDocument.Open(file.Content))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            text.ShouldContain("Kommunfullmäktige");
            text.ShouldContain("Allmänhetens frågestund");
        }

        // Every ledamot and ersättare of fullmäktige with an address got the kallelse, once.
        var called = await db.NoticeRecipients.Where(r => r.NoticeVersionId == versionId && r.Email != null).Select(r => r.Email!).ToListAsync();
        called.Count.ShouldBeGreaterThan(31);
        smtp.Received.Select(m => m.EnvelopeTo.Single()).Order().ShouldBe(called.Order());
    }

    /// <summary>
    /// Every demo case of Omsorgsnämnden and Social- och utbildningsnämnden, with a word that is only in the text of one of
    /// its PDF handlingar (not in its title, description or tjänsteskrivelse), so a hit proves the file's text was extracted.
    /// </summary>
    public static TheoryData<string, string, string> CasesAndWordsInTheirFiles { get; } = new()
    {
        { "OMN", "Verksamhetsplan 2027 för omsorgsnämnden", "matdistributionen" },
        { "OMN", "Yttrande över motion om trygghetsboende i Norrby", "bovärd" },
        { "OMN", "Revisionsrapport: granskning av hemtjänstens bemanning", "schemaläggningssystemet" },
        { "OMN", "Yttrande till förvaltningsrätten i mål om särskilt boende", "delgivningskvitto" },
        { "OMN", "Taxor och avgifter inom äldreomsorgen 2027", "levnadskostnader" },
        { "OMN", "Uppföljning av internkontrollplan 2026", "attestordningen" },
        { "SUN", "Riktlinjer för skolskjuts", "vinterväglag" },
        { "SUN", "Ny förskola i Norrby", "dagvattnet" },
        { "SUN", "Läsårstider 2027/2028", "terminer" },
        { "SUN", "Kvalitetsrapport för grundskolan 2026", "meritvärdet" },
        { "SUN", "Internbudget 2027 för social- och utbildningsnämnden", "strukturersättning" },
    };

    [Fact]
    public async Task Omsorgsnamndens_next_meeting_has_an_agenda_with_information_decisions_and_a_closed_item_with_a_secret_handling()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        await using var db = Database.CreateContext();
        var omn = await db.Organs.SingleAsync(o => o.ShortName == "OMN");
        var now = DateTimeOffset.UtcNow;
        var next = await db.Meetings.Where(m => m.OrganId == omn.Id && m.StartsAt > now).OrderBy(m => m.StartsAt).FirstAsync();
        var items = await db.AgendaItems.Where(i => i.MeetingId == next.Id).OrderBy(i => i.Position).ToListAsync();
        items.Select(i => i.Kind).ShouldBe(
        [
            Domain.Meetings.AgendaItemKind.Standard, Domain.Meetings.AgendaItemKind.Standard, Domain.Meetings.AgendaItemKind.Information,
            Domain.Meetings.AgendaItemKind.Decision, Domain.Meetings.AgendaItemKind.Decision, Domain.Meetings.AgendaItemKind.Decision,
            Domain.Meetings.AgendaItemKind.Decision, Domain.Meetings.AgendaItemKind.Standard, Domain.Meetings.AgendaItemKind.Standard,
        ]);
        items[2].Presenter.ShouldNotBeNull();
        var closed = items.Single(i => i.IsClosed);
        closed.EffectivePublicTitle.ShouldNotBe(closed.Title);
        var packDocuments = await db.AgendaItemDocuments.Where(d => d.AgendaItemId == closed.Id && d.CaseDocumentId != null).Select(d => d.CaseDocumentId!.Value).ToListAsync();
        (await db.CaseDocuments.AnyAsync(d => packDocuments.Contains(d.Id) && d.SecrecyProvision != null)).ShouldBeTrue("the closed item carries the secret handling");
        (await db.AgendaItemDocuments.CountAsync(d => items.Select(i => i.Id).Contains(d.AgendaItemId) && d.CaseDocumentId == null)).ShouldBe(4, "each decision item's pack starts with its tjänsteskrivelse");
    }

    [Fact]
    public async Task Each_demo_case_of_the_two_nämnder_has_a_written_tjänsteskrivelse_and_a_pdf_handling_that_search_finds_by_its_text()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        await using var db = Database.CreateContext();
        var organs = await db.Organs.ToDictionaryAsync(o => o.Id);
        var cases = (await db.Cases.ToListAsync())
            .Where(c => organs[c.OrganId].ShortName is "OMN" or "SUN" && !DemoMinutesContent.CaseTitles.Contains(c.Title)
                        && c.Title != $"Yttrande över granskningsrapport: {DemoAuditContent.ReportTitle}") // the follow-up's answer case (DemoFollowUpTests)
            .ToList();
        cases.Select(c => (organs[c.OrganId].ShortName, c.Title)).OrderBy(c => c.Title)
            .ShouldBe(CasesAndWordsInTheirFiles.Select(row => ((string)row[0], (string)row[1])).OrderBy(c => c.Item2));
        cases.Count(c => c.Status == CaseStatus.KlartForBeslut).ShouldBe(2, "one of Omsorgsnämnden's and one of SUN's are left for the newcomer's agenda");
        cases.Count(c => c.Status == CaseStatus.PaForedragningslista).ShouldBe(7, "the demo agendas of Omsorgsnämnden's (four) and SUN's (three) next meetings");

        foreach (var row in CasesAndWordsInTheirFiles)
        {
            var (title, word) = ((string)row[1], (string)row[2]);
            var @case = cases.Single(c => c.Title == title);
            var organ = organs[@case.OrganId];
            var report = await db.OfficerReports.SingleAsync(r => r.CaseId == @case.Id);
            report.Proposals.Count.ShouldBeGreaterThan(0, title);
            report.SummaryHtml.ShouldStartWith("<p>");
            report.DescriptionHtml.ShouldNotBeEmpty(title);
            report.DispatchTo.ShouldNotBeEmpty(title);
            report.Administration.ShouldBe(organ.Administration);
            report.Consequences.ShouldAllBe(c => organ.ConsequenceHeadings.Contains(c.Heading));
            var documents = await db.CaseDocuments.Where(d => d.CaseId == @case.Id).ToListAsync();
            report.DecisionBasis.ShouldNotBeEmpty(title);
            report.DecisionBasis.ShouldAllBe(id => documents.Any(d => d.Id == id));

            // Stored as an upload is: a PDF version whose SHA-256 is that of its bytes, which are kept once in file_blobs.
            var versions = await db.DocumentVersions.Where(v => v.CaseId == @case.Id).ToListAsync();
            versions.ShouldNotBeEmpty(title);
            foreach (var version in versions)
            {
                version.Kind.ShouldBe(FileKind.Pdf);
                var blob = await db.FileBlobs.SingleAsync(b => b.Sha256 == version.Sha256);
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(blob.Content)).ShouldBe(version.Sha256);
                using var pdf = PdfDocument.Open(blob.Content);
                pdf.NumberOfPages.ShouldBeGreaterThanOrEqualTo(2, version.FileName);
                version.PageCount.ShouldBe(pdf.NumberOfPages);
            }

            var officer = await UserAsync(@case.CaseOfficerUserId!.Value, organ.ShortName == "OMN" ? Roles.CaseOfficer : Roles.Secretary);
            var hits = await SearchAsync(officer, word);
            var hit = hits.ShouldHaveSingleItem($"{word} should find {title}");
            hit.CaseId.ShouldBe(@case.Id);
            hit.MatchedIn.ShouldBe(CaseSearchMatch.DocumentText, title);
            hit.Snippet.ShouldNotBeNull().ShouldContain(word[..5], Shouldly.Case.Insensitive);
        }
    }

    [Fact]
    public async Task Exactly_one_demo_handling_is_secret_its_handläggare_finds_its_text_and_a_ledamot_does_not()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        await using var db = Database.CreateContext();
        var secret = (await db.CaseDocuments.Where(d => d.SecrecyProvision != null).ToListAsync()).ShouldHaveSingleItem();
        secret.SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
        secret.SecrecyMarkedByName.ShouldBe("Hanna Handläggare");
        secret.Description.ShouldBe("Överklagande av beslut om bistånd i form av särskilt boende");
        (secret.HideCounterpartPublicly, secret.HideDescriptionPublicly).ShouldBe((true, true));
        var @case = await db.Cases.SingleAsync(c => c.Id == secret.CaseId);
        @case.Title.ShouldBe("Yttrande till förvaltningsrätten i mål om särskilt boende");
        (await db.CaseDocuments.CountAsync(d => d.HideDescriptionPublicly)).ShouldBe(2);

        var hanna = await UserAsync(@case.CaseOfficerUserId!.Value, Roles.CaseOfficer);
        var found = (await SearchAsync(hanna, "rollatorn")).ShouldHaveSingleItem();
        (found.CaseId, found.MatchedIn, found.HandlingIsSecret, found.HandlingOrdinal).ShouldBe((@case.Id, CaseSearchMatch.DocumentText, true, secret.Ordinal));

        var lars = await db.Users.SingleAsync(u => u.Email == "ledamot@exempelby.se");
        var member = new TestUser(lars.Id, lars.UserName, Roles.Member);
        (await SearchAsync(member, "rollatorn")).ShouldBeEmpty();
        // The same ledamot finds the case itself, by its open handling: only the secret one is kept from him.
        (await SearchAsync(member, "delgivningskvitto")).ShouldHaveSingleItem().CaseId.ShouldBe(@case.Id);
    }

    [Fact]
    public async Task Demo_handlingar_are_the_same_bytes_at_every_seeding()
    {
        var first = await SeedAndReadChecksumsAsync();
        await Database.ResetAsync();

        var second = await SeedAndReadChecksumsAsync();

        second.ShouldBe(first);
        first.Count.ShouldBe(14, "13 handlingar, one of them (the council's yttrande) in two versions");
        first.Select(f => f.Sha256).Distinct().Count().ShouldBe(14);
    }

    private async Task<List<(string FileName, string Sha256)>> SeedAndReadChecksumsAsync()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        await using var db = Database.CreateContext();
        return (await db.DocumentVersions.Select(v => new { v.FileName, v.Sha256 }).ToListAsync())
            .Select(v => (v.FileName, v.Sha256)).OrderBy(v => v.FileName, StringComparer.Ordinal).ToList();
    }

    private async Task<TestUser> UserAsync(Guid id, string role)
    {
        await using var db = Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        return new TestUser(user.Id, user.UserName, role);
    }

    private async Task<IReadOnlyList<CaseSearchHit>> SearchAsync(TestUser user, string query)
    {
        var factory = new TestDbContextFactory(Database, user, TimeProvider.System);
        var handler = new SearchCasesHandler(
            factory, new AccessService(factory, user, TimeProvider.System), new PostgresCaseSearch(factory), new SearchCasesValidator(),
            new AuditTrailRecorder(user, TimeProvider.System));
        var result = await handler.HandleAsync(new SearchCases { Query = query });
        result.Succeeded.ShouldBeTrue(result.Error?.Message);
        return result.Value!.Hits;
    }

    [Fact]
    public async Task Demo_rosters_keep_the_membership_rules_and_the_demo_logins_keep_their_seats()
    {
        await using var app = await PortalFactory.StartAsync(Database, seedForReal: true);
        await using var db = Database.CreateContext();
        await AssertRostersAsync(db, SwedishTime.LocalDate(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Seeded_in_the_last_weeks_of_a_term_the_demo_also_has_the_next_term_with_the_same_members_so_the_demo_ledamot_reads_the_next_meeting()
    {
        // 2030-12-10: the term 2027–2030 ends three weeks later, and the demo meeting after next falls in 2031.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 12, 10, 9, 0, 0, TimeSpan.Zero));
        await using var app = await PortalFactory.StartAsync(
            Database, new Dictionary<string, string?> { ["Database:SendDemoKallelser"] = "false" },
            b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)), seedForReal: true);
        await using var db = Database.CreateContext();

        (await db.Terms.OrderBy(t => t.StartsOn).Select(t => t.Name).ToListAsync()).ShouldBe(["2027–2030", "2031–2034"]);
        await AssertRostersAsync(db, new DateOnly(2030, 12, 10));
        var omn = await db.Organs.SingleAsync(o => o.ShortName == "OMN");
        var afterNext = await db.Meetings.Where(m => m.OrganId == omn.Id).OrderByDescending(m => m.StartsAt).FirstAsync();
        afterNext.LocalDate.Year.ShouldBe(2031);
        var seats = await db.Memberships.Where(m => m.OrganId == omn.Id).ToListAsync();
        seats.Count(m => m.Role.HoldsSeat() && m.IsValidOn(afterNext.LocalDate)).ShouldBe(11, "the re-elected ledamöter sit at the first meeting of the new term");
        (await db.MemberNotes.CountAsync()).ShouldBeGreaterThan(0, "Lars has his demo notes on Omsorgsnämnden's next meeting");
    }

    /// <summary>
    /// Every term's memberships keep the rules, Omsorgsnämnden has its eleven ledamöter on <paramref name="today"/>, and
    /// the demo logins sit where the demo needs them, in each term.
    /// </summary>
    private static async Task AssertRostersAsync(Infrastructure.Persistence.AppDbContext db, DateOnly today)
    {
        var terms = await db.Terms.ToListAsync();
        terms.Count(t => t.Contains(today)).ShouldBe(1, "the demo term holds the day of seeding");
        var memberships = await db.Memberships.ToListAsync();
        var organs = await db.Organs.ToDictionaryAsync(o => o.Id, o => o.ShortName);
        memberships.ShouldAllBe(m => terms.Any(t => t.Id == m.TermId));
        foreach (var term in terms)
        {
            var ofTerm = memberships.Where(m => m.TermId == term.Id).ToList();
            ofTerm.ShouldAllBe(m => MembershipRules.Check(m, ofTerm, term).Count == 0);
        }

        memberships.Where(m => organs[m.OrganId] == "OMN").Count(m => m.Role.HoldsSeat() && m.IsValidOn(today)).ShouldBe(11);

        var lars = await db.Persons.SingleAsync(p => p.Email == "ledamot@exempelby.se");
        var erika = await db.Persons.SingleAsync(p => p.Email == "ersattare@exempelby.se");
        memberships.Where(m => m.PersonId == lars.Id).Select(m => (organs[m.OrganId], m.Role)).ShouldBe(terms.Select(_ => ("OMN", MembershipRole.Ledamot)));
        memberships.Where(m => m.PersonId == erika.Id).Select(m => (organs[m.OrganId], m.Role)).ShouldBe(terms.Select(_ => ("SUN", MembershipRole.Ersattare)));
    }

    private async Task<(int Users, int Organs, int Meetings, int Memberships, int Postings, int NoticeVersions)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Users.CountAsync(), await db.Organs.CountAsync(), await db.Meetings.CountAsync(), await db.Memberships.CountAsync(), await db.Postings.CountAsync(),
            await db.NoticeVersions.CountAsync());
    }

    private async Task<(int Cases, int Documents, int Versions, int Blobs, int Texts, int Reports, int Events, int AuditLines)> ContentCountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Cases.CountAsync(), await db.CaseDocuments.CountAsync(), await db.DocumentVersions.CountAsync(), await db.FileBlobs.CountAsync(),
            await db.DocumentTexts.CountAsync(), await db.OfficerReports.CountAsync(), await db.CaseEvents.CountAsync(), await db.AuditTrail.CountAsync());
    }
}
