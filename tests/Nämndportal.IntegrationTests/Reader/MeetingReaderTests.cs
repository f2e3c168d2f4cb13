using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Reader;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Reader;

/// <summary>
/// The meeting reader (GetMeetingReader, SearchMeetingDocuments): who may open it is judged on the meeting's date, and
/// a secret handling is opened only by the members called and those who handle the organ's secret matters.
/// </summary>
public class MeetingReaderTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly MeetingDate = new(2026, 12, 9);

    [Fact]
    public async Task Member_whose_seat_is_valid_on_the_meeting_date_reads_the_agenda_and_opens_its_handlingar()
    {
        var (s, meeting) = await ScenarioAsync();

        var result = await Reader(s, s.Member).HandleAsync(new GetMeetingReader(meeting.Id));

        result.Error.ShouldBeNull();
        var view = result.Value!;
        view.OrganName.ShouldBe("Omsorgsnämnden");
        view.Items.Select(i => i.Title).ShouldBe(["Val av justerare", s.Case.Title]);
        var documents = view.Items[1].Documents;
        documents.Select(d => d.Title).ShouldBe(["Handling 2: Kösituationen i november", "Handling 3: Utredning om Sven Svenssons boende"]);
        documents.ShouldAllBe(d => d.Url != null && d.VersionId != null);
        documents[0].PageCount.ShouldBe(2);
        documents[0].CaseNumber.ShouldBe("OMF-2026-12");
        documents[1].IsSecret.ShouldBeTrue("a member called to the meeting reads the members' pack, secret handlingar included");
    }

    [Fact]
    public async Task Member_whose_seat_ended_before_the_meeting_gets_the_same_answer_as_for_an_unknown_meeting()
    {
        var (s, meeting) = await ScenarioAsync();
        var former = await CreateUserAsync("fredrik.fore@exempelby.se", Roles.Member);
        var person = await InsertAsync(new Person("Fredrik", "Före") { UserId = former.UserId });
        await InsertAsync(new Membership(person.Id, s.Organ.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), MeetingDate.AddDays(-1)));

        var refused = await Reader(s, former).HandleAsync(new GetMeetingReader(meeting.Id));
        var unknown = await Reader(s, s.Member).HandleAsync(new GetMeetingReader(Guid.NewGuid()));

        refused.Value.ShouldBeNull();
        refused.Error!.Code.ShouldBe("not_found");
        refused.Error.Message.ShouldBe(unknown.Error!.Message);
    }

    [Fact]
    public async Task Member_of_another_organ_gets_not_found_and_cannot_search_the_meetings_documents()
    {
        var (s, meeting) = await ScenarioAsync();

        var refused = await Reader(s, s.Outsider).HandleAsync(new GetMeetingReader(meeting.Id));
        var search = await Search(s, s.Outsider).HandleAsync(new SearchMeetingDocuments(meeting.Id, "kösituationen"));

        refused.Error!.Code.ShouldBe("not_found");
        search.Value.ShouldBeNull();
        search.Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Official_of_the_organ_reads_the_agenda_but_a_secret_handling_only_by_its_number()
    {
        var (s, meeting) = await ScenarioAsync();

        var view = (await Reader(s, s.Officer).HandleAsync(new GetMeetingReader(meeting.Id))).Value!;

        var secret = view.Items[1].Documents[1];
        secret.Title.ShouldBe("Handling 3 (sekretess)");
        secret.Url.ShouldBeNull();
        secret.VersionId.ShouldBeNull();
        secret.Unavailable.ShouldBe("Handlingen omfattas av sekretess och finns hos nämndsekreteraren.");
        view.Items[1].Documents[0].Url.ShouldNotBeNull();
    }

    [Fact]
    public async Task Search_finds_the_page_of_a_word_and_never_quotes_a_secret_handling_to_one_who_may_not_read_it()
    {
        var (s, meeting) = await ScenarioAsync();

        var member = (await Search(s, s.Member).HandleAsync(new SearchMeetingDocuments(meeting.Id, "SIDA TVÅ"))).Value!;
        var official = (await Search(s, s.Officer).HandleAsync(new SearchMeetingDocuments(meeting.Id, "Svenssons"))).Value!;
        var memberSecret = (await Search(s, s.Member).HandleAsync(new SearchMeetingDocuments(meeting.Id, "Svenssons"))).Value!;

        member.Count.ShouldBe(1);
        member[0].DocumentTitle.ShouldBe("Handling 2: Kösituationen i november");
        member[0].ItemNumber.ShouldBe(2);
        member[0].Page.ShouldBe(2);
        member[0].Snippet.ShouldContain("Sida två av kön");
        official.ShouldBeEmpty();
        memberSecret.Single().DocumentTitle.ShouldBe("Handling 3: Utredning om Sven Svenssons boende");
    }

    [Fact]
    public async Task Search_in_a_text_whose_pages_are_not_kept_apart_names_the_document_and_leaves_the_page_to_the_viewer()
    {
        var (s, meeting) = await ScenarioAsync();
        await using (var db = Database.CreateContext())
        {
            // An older extraction dropped an empty page: two lines for a three-page document.
            var version = await db.DocumentVersions.SingleAsync(v => v.DocumentId == s.Queue.Id);
            var text = await db.DocumentTexts.SingleAsync(t => t.VersionId == version.Id);
            db.DocumentTexts.Remove(text);
            await db.SaveChangesAsync();
            db.DocumentTexts.Add(new DocumentText(version.Id, s.Queue.Id, s.Queue.CaseId, "Kösituationen i november\nSida två av kön", 3));
            await db.SaveChangesAsync();
        }

        var hits = (await Search(s, s.Member).HandleAsync(new SearchMeetingDocuments(meeting.Id, "sida två"))).Value!;

        hits.Single().DocumentTitle.ShouldBe("Handling 2: Kösituationen i november");
        hits.Single().Page.ShouldBeNull();
    }

    private async Task<(OfficerReportScenario S, Meeting Meeting)> ScenarioAsync()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        await using var db = Database.CreateContext();
        AddVersion(db, s.Queue, ["Kösituationen i november", "Sida två av kön"]);
        AddVersion(db, s.Secret, ["Utredning om Sven Svenssons boende"]);
        var start = SwedishTime.FromLocal(MeetingDate, new TimeOnly(13, 0));
        var meeting = new Meeting(s.Organ.Id, start, start.AddHours(3), "Sammanträdesrum Björken");
        meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        var decision = meeting.AddItem(AgendaItemKind.Decision, s.Case.Title, s.Case.Id, s.Case.Number);
        meeting.SetItemDocuments(decision.Id, false, [s.Queue.Id, s.Secret.Id]);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (s, meeting);
    }

    private static void AddVersion(Infrastructure.Persistence.AppDbContext db, CaseDocument document, string[] pages)
    {
        // The test PDF's font has no å, ä, ö; the stored text is what the search reads.
        var content = TestFiles.Pdf([.. pages.Select(p => p.Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('Ö', 'O'))]);
        var sha = FileBlob.Checksum(content);
        db.FileBlobs.Add(new FileBlob(content));
        var version = new DocumentVersion(document.CaseId, document.Id, 1, "handling.pdf", FileKind.Pdf, "application/pdf", content.Length, sha);
        version.SetPageCount(pages.Length);
        db.DocumentVersions.Add(version);
        // The extracted text, one line per page (as the text extraction stores it).
        db.DocumentTexts.Add(new DocumentText(version.Id, document.Id, document.CaseId, string.Join('\n', pages), pages.Length));
    }

    private static GetMeetingReaderHandler Reader(OfficerReportScenario s, TestUser user) => new(s.Factory(user), s.Access(user));

    private static SearchMeetingDocumentsHandler Search(OfficerReportScenario s, TestUser user) =>
        new(s.Factory(user), Reader(s, user), new SearchMeetingDocumentsValidator());
}
