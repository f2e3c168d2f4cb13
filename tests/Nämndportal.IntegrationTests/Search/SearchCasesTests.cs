using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Search;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Case = Nämndportal.Domain.Cases.Case;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Search;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Search;

public class SearchCasesTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Swedish_stemming_finds_skolorna_in_the_title_ny_skola_i_norrby()
    {
        var world = await WorldAsync();

        var result = await SearchAsync(world.MemberA, "skolorna");

        var hit = result.Hits.ShouldHaveSingleItem();
        hit.Number.ShouldBe("OMF-2024-149");
        hit.MatchedIn.ShouldBe(CaseSearchMatch.Case);
        SearchSnippet.ToHtml(hit.TitleSnippet).ShouldBe("Ny <mark>skola</mark> i Norrby");
        hit.OrganShortName.ShouldBe("OMN");
        hit.Status.ShouldBe(CaseStatus.UnderBeredning);
        hit.OfficerName.ShouldBe("Hanna Handläggare");
    }

    [Theory]
    [InlineData("2024-149")]
    [InlineData("OMF 149")]
    [InlineData("omf-2024-149")]
    [InlineData("Norrbi")]
    public async Task Case_number_fragment_or_misspelt_title_word_finds_the_case(string typed)
    {
        var world = await WorldAsync();

        var result = await SearchAsync(world.MemberA, typed);

        result.Hits.ShouldNotBeEmpty();
        result.Hits[0].Number.ShouldBe("OMF-2024-149");
        result.Hits[0].MatchedIn.ShouldBe(CaseSearchMatch.Case);
    }

    [Fact]
    public async Task Text_of_the_tjänsteskrivelse_is_found_with_a_highlighted_snippet()
    {
        var world = await WorldAsync();
        var report = new OfficerReport(world.ParkCase.Id);
        report.Write(["godkänna förslaget"], "<p>Sammanfattning</p>", "<p>Beskrivning</p>", [], [], ["Kommunstyrelsen"],
            "Förvaltningen föreslår att trafiksäkerheten vid skolgården förbättras med farthinder och ny belysning.");
        await InsertAsync(report);

        var hit = (await SearchAsync(world.MemberA, "trafiksäkerhet")).Hits.ShouldHaveSingleItem();

        hit.CaseId.ShouldBe(world.ParkCase.Id);
        hit.MatchedIn.ShouldBe(CaseSearchMatch.OfficerReport);
        SearchSnippet.ToHtml(hit.Snippet).ShouldContain("att <mark>trafiksäkerheten</mark> vid skolgården");
    }

    [Fact]
    public async Task Text_extracted_from_a_handlings_file_is_found_and_the_handling_named()
    {
        var world = await WorldAsync();

        var hit = (await SearchAsync(world.MemberA, "ventilationen gymnastiksalen")).Hits.ShouldHaveSingleItem();

        hit.CaseId.ShouldBe(world.ParkCase.Id);
        hit.MatchedIn.ShouldBe(CaseSearchMatch.DocumentText);
        hit.HandlingOrdinal.ShouldBe(1);
        hit.HandlingDescription.ShouldBe("Besiktningsprotokoll för idrottshallen");
        SearchSnippet.ToHtml(hit.Snippet).ShouldContain("<mark>ventilationen</mark> i <mark>gymnastiksalen</mark>");
    }

    [Fact]
    public async Task A_handlings_description_and_sender_are_searched()
    {
        var world = await WorldAsync();

        var byDescription = (await SearchAsync(world.MemberA, "besiktningsprotokoll")).Hits.ShouldHaveSingleItem();
        byDescription.MatchedIn.ShouldBe(CaseSearchMatch.Handling);
        byDescription.HandlingOrdinal.ShouldBe(1);
        SearchSnippet.ToHtml(byDescription.Snippet).ShouldContain("<mark>Besiktningsprotokoll</mark>");

        // A sender's name, misspelt, through trigrams.
        var bySender = (await SearchAsync(world.MemberA, "Fastighetskontoret")).Hits.ShouldHaveSingleItem();
        bySender.CaseId.ShouldBe(world.ParkCase.Id);
        (await SearchAsync(world.MemberA, "Fastighetskontret")).Hits.ShouldContain(h => h.CaseId == world.ParkCase.Id);
    }

    [Fact]
    public async Task A_secret_handlings_words_surface_only_for_those_who_may_read_it()
    {
        var world = await WorldAsync();

        // Those not entitled: a ledamot of the organ, a handläggare of the organ who is not the case's officer, a
        // ledamot of another organ, and the administrator (who runs the system, not the matter).
        foreach (var outsider in new[] { world.MemberA, world.OtherOfficerA, world.MemberB, world.Administrator })
        {
            foreach (var query in new[] { "Hemligholmen", "hemligholmens", "Qvist", "Familjen Qvist", "missbruksvård Hemligholmen", "Hemligholmen skola" })
            {
                var result = await SearchAsync(outsider, query);
                result.Total.ShouldBe(0, $"{outsider.UserName} searching ”{query}”");
                result.Hits.ShouldBeEmpty();
            }

            // A word in both the secret handling and an open one elsewhere: the open one only, counted once.
            var shared = await SearchAsync(outsider, "stödboende");
            shared.Hits.ShouldAllBe(h => h.CaseId != world.SchoolCase.Id);
            shared.Hits.SelectMany(h => new[] { h.Snippet, h.HandlingDescription, h.TitleSnippet })
                .ShouldAllBe(text => text == null || !text.Contains("Hemligholmen", StringComparison.OrdinalIgnoreCase));
            shared.Total.ShouldBe(outsider == world.MemberB ? 0 : 1);
        }

        await using (var db = Database.CreateContext())
        {
            (await db.AuditTrail.CountAsync()).ShouldBe(0, "nothing secret was shown, so nothing secret was read");
        }

        // The case itself is still there for the ledamot, found by its own words, with nothing of the secret handling.
        var own = (await SearchAsync(world.MemberA, "Norrby")).Hits.ShouldHaveSingleItem();
        own.CaseId.ShouldBe(world.SchoolCase.Id);
        own.Snippet.ShouldBeNull();

        // Those entitled: the organ's secretary, the case's own handläggare, a registrator.
        foreach (var insider in new[] { world.SecretaryA, world.OfficerA, world.Registrar })
        {
            var byText = (await SearchAsync(insider, "Hemligholmen")).Hits.ShouldHaveSingleItem();
            byText.CaseId.ShouldBe(world.SchoolCase.Id);
            byText.MatchedIn.ShouldBe(CaseSearchMatch.Handling);
            byText.HandlingOrdinal.ShouldBe(1);
            byText.HandlingDescription.ShouldBe("Utredning om placering på Hemligholmen");
            SearchSnippet.ToHtml(byText.Snippet).ShouldContain("<mark>Hemligholmen</mark>");

            var inText = (await SearchAsync(insider, "missbruksvård")).Hits.ShouldHaveSingleItem();
            inText.MatchedIn.ShouldBe(CaseSearchMatch.DocumentText);
            SearchSnippet.ToHtml(inText.Snippet).ShouldContain("<mark>missbruksvård</mark>");

            (await SearchAsync(insider, "Qvist")).Hits.ShouldHaveSingleItem().CaseId.ShouldBe(world.SchoolCase.Id);
            (await SearchAsync(insider, "stödboende")).Total.ShouldBe(2);
        }

        // Each quote from the secret handling shown to them is a read of it, in the audit trail.
        await using (var db = Database.CreateContext())
        {
            var reads = await db.AuditTrail.Where(a => a.Action == Domain.AuditTrail.AuditActions.SecretRead).ToListAsync();
            reads.Select(r => r.UserId).Distinct().Order().ShouldBe(new[] { world.SecretaryA.UserId, world.OfficerA.UserId, world.Registrar.UserId }.Order());
            reads.ShouldAllBe(r => r.CaseId == world.SchoolCase.Id && r.Summary.Contains("Handling 1 i ärende OMF-2024-149"));
        }
    }

    [Fact]
    public async Task A_member_of_organ_b_never_sees_organ_a_s_cases()
    {
        var world = await WorldAsync();

        var skola = await SearchAsync(world.MemberB, "skola");
        skola.Hits.ShouldHaveSingleItem().Number.ShouldBe("BN-2025-7");
        (await SearchAsync(world.MemberB, "OMF-2024-149")).Total.ShouldBe(0);
        (await SearchAsync(world.MemberB, "ventilationen")).Total.ShouldBe(0);
        (await SearchAsync(world.MemberB, null, organ: world.OrganA.Id)).Total.ShouldBe(0);

        var everything = await SearchAsync(world.MemberB, null);
        everything.Hits.Select(h => h.OrganShortName).Distinct().ShouldBe(["BYN"]);
        everything.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Filters_by_organ_status_year_and_officer_narrow_the_list_and_the_search()
    {
        var world = await WorldAsync();

        var all = await SearchAsync(world.Registrar, null);
        all.Total.ShouldBe(4);
        all.Hits.Select(h => h.Number).ShouldBe(["OMF-2026-3", "BN-2025-7", "OMF-2025-12", "OMF-2024-149"], "newest first");
        all.Hits.ShouldAllBe(h => h.MatchedIn == CaseSearchMatch.None);

        (await SearchAsync(world.Registrar, null, organ: world.OrganB.Id)).Hits.Select(h => h.Number).ShouldBe(["BN-2025-7"]);
        (await SearchAsync(world.Registrar, null, status: CaseStatus.UnderBeredning)).Hits.Select(h => h.Number).ShouldBe(["OMF-2024-149"]);
        (await SearchAsync(world.Registrar, null, year: 2025)).Hits.Select(h => h.Number).ShouldBe(["BN-2025-7", "OMF-2025-12"]);
        (await SearchAsync(world.Registrar, null, officer: world.OfficerA.UserId)).Hits.Select(h => h.Number).ShouldBe(["OMF-2026-3", "OMF-2024-149"]);

        (await SearchAsync(world.Registrar, "skola")).Total.ShouldBe(2);
        (await SearchAsync(world.Registrar, "skola", organ: world.OrganA.Id)).Hits.Select(h => h.Number).ShouldBe(["OMF-2024-149"]);
        (await SearchAsync(world.Registrar, "skola", year: 2025)).Hits.Select(h => h.Number).ShouldBe(["BN-2025-7"]);
        (await SearchAsync(world.Registrar, "skola", status: CaseStatus.Registrerat)).Hits.Select(h => h.Number).ShouldBe(["BN-2025-7"]);
        (await SearchAsync(world.Registrar, "skola", officer: world.OfficerA.UserId)).Hits.Select(h => h.Number).ShouldBe(["OMF-2024-149"]);
    }

    [Fact]
    public async Task Paging_gives_the_right_total_and_the_rest_on_the_last_page()
    {
        var organ = await InsertAsync(new Organ("Kommunstyrelsen", "KS", OrganKind.Kommunstyrelse, "KS"));
        var registrar = await CreateUserAsync("reg", Roles.Registrar);
        for (var i = 1; i <= 25; i++)
        {
            await InsertAsync(new Case(organ.Id, "KS", 2026, i, $"KS-2026-{i}", $"Budgetuppföljning nummer {i}", Today.AddDays(-i), null));
        }

        var first = await SearchAsync(registrar, "budgetuppföljning", pageSize: 10);
        first.Total.ShouldBe(25);
        first.PageCount.ShouldBe(3);
        first.Hits.Count.ShouldBe(10);
        first.Hits[0].Number.ShouldBe("KS-2026-1", "equal rank: newest first");

        var third = await SearchAsync(registrar, "budgetuppföljning", page: 3, pageSize: 10);
        third.Total.ShouldBe(25);
        third.Hits.Select(h => h.Number).ShouldBe(Enumerable.Range(21, 5).Select(i => $"KS-2026-{i}"));

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await SearchAsync(registrar, "budgetuppföljning", page: page, pageSize: 10)).Hits.Select(h => h.Number));
        }

        pages.Distinct().Count().ShouldBe(25);

        var beyond = await SearchAsync(registrar, "budgetuppföljning", page: 4, pageSize: 10);
        beyond.Hits.ShouldBeEmpty();
        beyond.Total.ShouldBe(25);

        var listed = await SearchAsync(registrar, null, page: 3, pageSize: 10);
        listed.Total.ShouldBe(25);
        listed.Hits.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("!!! ??? ...", "Skriv minst en bokstav eller siffra att söka på.")]
    [InlineData("-", "Skriv minst en bokstav eller siffra att söka på.")]
    public async Task A_query_without_letters_or_digits_gets_a_swedish_message(string query, string message)
    {
        var world = await WorldAsync();
        var result = await Handler(world.MemberA).HandleAsync(new SearchCases { Query = query });
        result.Error!.Message.ShouldBe(message);
    }

    [Fact]
    public async Task A_query_over_200_characters_gets_a_swedish_message()
    {
        var world = await WorldAsync();
        var result = await Handler(world.MemberA).HandleAsync(new SearchCases { Query = new string('a', 201) });
        result.Error!.Message.ShouldBe("Sökningen får vara högst 200 tecken lång.");
    }

    [Theory]
    [InlineData("skola & | ! ( ) : * <-> \\")]
    [InlineData("\"skola")]
    [InlineData("skola -")]
    [InlineData("or or and -")]
    [InlineData("och att som")]
    [InlineData("'skola' :* (norrby")]
    public async Task Query_syntax_of_any_kind_never_surfaces_as_an_error(string query)
    {
        var world = await WorldAsync();
        var result = await Handler(world.MemberA).HandleAsync(new SearchCases { Query = query });
        result.Succeeded.ShouldBeTrue(result.Error?.Message);
    }

    [Fact]
    public async Task Signed_out_user_is_refused()
    {
        await WorldAsync();
        (await Handler(TestUser.Anonymous).HandleAsync(new SearchCases { Query = "skola" })).Error!.Code.ShouldBe("forbidden");
    }

    [Fact]
    public async Task Markup_in_a_documents_text_is_never_rendered_as_html()
    {
        var world = await WorldAsync();
        await AddHandlingAsync(world.ParkCase, 2, "Skrivelse från medborgare", null, null,
            "Hej! <script>alert('x')</script> <img src=x onerror=alert(1)> Snöröjningen & halkbekämpningen fungerar inte.");

        var hit = (await SearchAsync(world.MemberA, "snöröjningen")).Hits.ShouldHaveSingleItem();

        var html = SearchSnippet.ToHtml(hit.Snippet);
        html.ShouldContain("<mark>Snöröjningen</mark>");
        html.ShouldNotContain("<script", Shouldly.Case.Insensitive);
        html.ShouldNotContain("<img", Shouldly.Case.Insensitive);
        SearchSnippet.ToHtml("a <b>" + SearchSnippet.MatchStart + "x&y" + SearchSnippet.MatchEnd + " " + SearchSnippet.MatchEnd)
            .ShouldBe("a &lt;b&gt;<mark>x&amp;y</mark> ");
    }

    private sealed record World(
        Organ OrganA, Organ OrganB, Case SchoolCase, Case ParkCase,
        TestUser Administrator, TestUser SecretaryA, TestUser OfficerA, TestUser OtherOfficerA, TestUser MemberA, TestUser MemberB, TestUser Registrar);

    /// <summary>
    /// Organ A (OMN, prefix OMF) with a secretary, two handläggare and a ledamot; organ B (BYN, prefix BN) with a ledamot.
    /// Case OMF-2024-149 "Ny skola i Norrby" (Hanna's) holds a secret handling about Hemligholmen.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var organA = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var organB = await InsertAsync(new Organ("Byggnadsnämnden", "BYN", OrganKind.Namnd, "BN"));
        var admin = await CreateUserAsync("admin", Roles.Administrator);
        var secretary = await CreateUserAsync("sekr", Roles.Secretary);
        var officer = await CreateUserAsync("hanna", Roles.CaseOfficer);
        var otherOfficer = await CreateUserAsync("olle", Roles.CaseOfficer);
        var memberA = await CreateUserAsync("ledA", Roles.Member);
        var memberB = await CreateUserAsync("ledB", Roles.Member);
        var registrar = await CreateUserAsync("reg", Roles.Registrar);
        await using (var db = Database.CreateContext())
        {
            (await db.Users.SingleAsync(u => u.Id == officer.UserId)).DisplayName = "Hanna Handläggare";
            await db.SaveChangesAsync();
        }

        await InsertAsync(new OrganOfficial(secretary.UserId!.Value, organA.Id, OfficialFunction.Namndsekreterare));
        await InsertAsync(new OrganOfficial(officer.UserId!.Value, organA.Id, OfficialFunction.Handlaggare));
        await InsertAsync(new OrganOfficial(otherOfficer.UserId!.Value, organA.Id, OfficialFunction.Handlaggare));
        await MemberAsync(memberA, organA);
        await MemberAsync(memberB, organB);

        var school = new Case(organA.Id, "OMF", 2024, 149, "OMF-2024-149", "Ny skola i Norrby", new DateOnly(2024, 3, 1), officer.UserId);
        school.MoveTo(CaseStatus.UnderBeredning);
        await InsertAsync(school);
        var park = await InsertAsync(new Case(organA.Id, "OMF", 2025, 12, "OMF-2025-12", "Upprustning av idrottshallen", new DateOnly(2025, 2, 10), otherOfficer.UserId));
        await InsertAsync(new Case(organA.Id, "OMF", 2026, 3, "OMF-2026-3", "Färdtjänst för äldre", new DateOnly(2026, 1, 15), officer.UserId));
        var other = await InsertAsync(new Case(organB.Id, "BN", 2025, 7, "BN-2025-7", "Bygglov för skola i Västby", new DateOnly(2025, 6, 1), null));

        await AddHandlingAsync(school, 1, "Utredning om placering på Hemligholmen", "Familjen Qvist", "OSL 26 kap. 1 §",
            "Utredningen gäller missbruksvård och stödboende på Hemligholmen för en enskild person.");
        await AddHandlingAsync(park, 1, "Besiktningsprotokoll för idrottshallen", "Fastighetskontoret", null,
            "Vid besiktningen konstaterades att ventilationen i gymnastiksalen är otillräcklig. Ett stödboende finns i närheten.");
        await AddHandlingAsync(other, 1, "Ansökan om bygglov", "Västby byggherre AB", null, "Ritningar och situationsplan.");

        return new World(organA, organB, school, park, admin, secretary, officer, otherOfficer, memberA, memberB, registrar);
    }

    private async Task AddHandlingAsync(Case @case, int ordinal, string description, string? counterpart, string? secrecy, string text)
    {
        var handling = new CaseDocument(@case.Id, ordinal, DocumentDirection.Inkommen, @case.RegisteredOn, counterpart, description);
        if (secrecy is not null)
        {
            handling.MarkSecret(secrecy, @case.RegisteredOn, null, "Sara Sekreterare");
        }

        await InsertAsync(handling);
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 " + text);
        var blob = new FileBlob(bytes);
        await using var db = Database.CreateContext();
        db.FileBlobs.Add(blob);
        var version = new DocumentVersion(@case.Id, handling.Id, 1, "handling.pdf", FileKind.Pdf, "application/pdf", bytes.Length, blob.Sha256);
        db.DocumentVersions.Add(version);
        db.DocumentTexts.Add(new DocumentText(version.Id, handling.Id, @case.Id, text, 1));
        await db.SaveChangesAsync();
    }

    private async Task MemberAsync(TestUser user, Organ organ)
    {
        var person = await InsertAsync(new Person("Test", user.UserName!) { UserId = user.UserId });
        await InsertAsync(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, Today.AddYears(-1), null));
    }

    private async Task<CaseSearchResult> SearchAsync(
        TestUser user, string? query, Guid? organ = null, CaseStatus? status = null, int? year = null, Guid? officer = null, int page = 1, int pageSize = 20)
    {
        var result = await Handler(user).HandleAsync(new SearchCases
        {
            Query = query, OrganId = organ, Status = status, Year = year, CaseOfficerUserId = officer, Page = page, PageSize = pageSize,
        });
        result.Succeeded.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }

    private SearchCasesHandler Handler(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        return new SearchCasesHandler(
            factory, new AccessService(factory, user, _clock), new PostgresCaseSearch(factory), new SearchCasesValidator(), new AuditTrailRecorder(user, _clock));
    }
}
