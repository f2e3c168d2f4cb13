using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Reader;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Domain.Reader;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>
/// Issue 10's demo data: after seeding, Lars Ledamot's reading of Omsorgsnämnden's next meeting shows every state of the
/// reader, read through the application's own queries as Lars (and as the ordförande, who shares a note with him).
/// </summary>
public class DemoReaderDataTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Lars_has_notes_on_an_item_and_a_page_a_note_he_shares_and_one_shared_with_him_and_notes_moved_or_flagged_by_a_new_version()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var (lars, colleague, meetingId) = await PeopleAndMeetingAsync();

        var notes = (await ListNotes(lars).HandleAsync(new ListNotesForMeeting(meetingId))).Value.ShouldNotBeNull();
        notes.Count.ShouldBe(6);
        var mine = notes.Where(n => n.IsMine).ToList();
        mine.Count.ShouldBe(5);

        // A note on an agenda item (no page).
        mine.Count(n => n.Page is null && n.SharedWith.Count == 0).ShouldBe(1);

        // A note on a page of the revision report, its quote real text of that page of the version it stands on.
        var onPage = mine.Single(n => n.Quote == DemoReaderContent.RevisionQuote);
        (onPage.VersionNumber, onPage.AnchorState, onPage.AnchorText).ShouldBe(((int?)1, NoteAnchorState.OnPage, (string?)null));
        (await PageTextAsync(onPage.DocumentVersionId!.Value, onPage.Page!.Value)).ShouldContain(DemoReaderContent.RevisionQuote);

        // Shared by Lars with the ordförande, by name.
        var shared = mine.Single(n => n.SharedWith.Count > 0);
        shared.SharedWith.Single().Name.ShouldBe(colleague.Name);

        // Written by the ordförande and shared with Lars: "delad av …", on a quote of the motion.
        var theirs = notes.Single(n => !n.IsMine);
        theirs.AuthorName.ShouldBe(colleague.Name);
        theirs.Quote.ShouldBe(DemoReaderContent.MotionQuote);
        (await PageTextAsync(theirs.DocumentVersionId!.Value, theirs.Page!.Value)).ShouldContain(DemoReaderContent.MotionQuote);

        // Made on the council's first version; the second version moved one to where its quote now stands, and flagged the
        // other, whose quote is gone.
        var first = await FirstVersionAsync(moved: mine.Single(n => n.Quote == DemoReaderContent.MovedQuote).CaseDocumentId!.Value);
        var moved = mine.Single(n => n.Quote == DemoReaderContent.MovedQuote);
        var wasOn = PageOf(first, DemoReaderContent.MovedQuote);
        (moved.VersionNumber, moved.AnchorState, moved.AnchorText).ShouldBe(((int?)2, NoteAnchorState.Moved, $"Flyttad till version 2, sida {moved.Page}"));
        moved.Page!.Value.ShouldBeGreaterThan(wasOn!.Value, "the completed yttrande has a new page before the survey");
        (await PageTextAsync(moved.DocumentVersionId!.Value, moved.Page!.Value)).ShouldContain(DemoReaderContent.MovedQuote);
        var flagged = mine.Single(n => n.Quote == DemoReaderContent.GoneQuote);
        (flagged.VersionNumber, flagged.Page, flagged.AnchorState, flagged.AnchorText)
            .ShouldBe(((int?)2, PageOf(first, DemoReaderContent.GoneQuote), NoteAnchorState.DocumentChanged, "Dokumentet har ändrats sedan anteckningen"));
        (await PageTextAsync(flagged.DocumentVersionId!.Value, flagged.Page!.Value)).ShouldNotContain("referensgrupp");

        // Lars's own list holds his five, not the ordförande's; the ordförande sees Lars's shared note, named.
        var list = await MyNotes(lars).HandleAsync(new ListMyNotes());
        list.Total.ShouldBe(5);
        list.Rows.Single(r => r.Id == shared.Id).SharedWithCount.ShouldBe(1);
        var theirView = (await ListNotes(colleague.User).HandleAsync(new ListNotesForMeeting(meetingId))).Value.ShouldNotBeNull();
        theirView.Single(n => !n.IsMine).AuthorName.ShouldBe("Lars Ledamot");
    }

    [Fact]
    public async Task Lars_has_read_some_handlingar_not_others_and_one_changed_since_he_read_it_and_mina_sammantraden_counts_them()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var (lars, _, meetingId) = await PeopleAndMeetingAsync();

        var states = (await ReadStates(lars).HandleAsync(new GetReadStates(meetingId))).Value.ShouldNotBeNull();
        var byFile = await ByFirstFileNameAsync(states);
        byFile[DemoReaderContent.RevisionReportFile].Label.ShouldBe("läst");
        byFile[DemoReaderContent.MotionFile].Label.ShouldBe("läst");
        byFile[DemoReaderContent.CouncilStatementFile].Label.ShouldBe("ändrad sedan du läste");
        (byFile[DemoReaderContent.CouncilStatementFile].ReadVersion, byFile[DemoReaderContent.CouncilStatementFile].CurrentVersion).ShouldBe(((int?)1, 2));
        byFile["avgiftstaxa-aldreomsorgen-2027.pdf"].Label.ShouldBe("oläst");
        states.UnreadCount.ShouldBeGreaterThanOrEqualTo(2);
        states.ChangedCount.ShouldBe(1);

        var today = SwedishTime.FromLocal(SwedishTime.LocalDate(DateTimeOffset.UtcNow), TimeOnly.MinValue);
        var row = (await MyMeetings(lars).HandleAsync(new ListMyMeetings(today))).Single(m => m.Id == meetingId);
        (row.UnreadCount, row.ChangedCount).ShouldBe(((int?)states.UnreadCount, (int?)1));
    }

    [Fact]
    public async Task Erika_ersattare_has_read_two_handlingar_of_her_nämnds_next_meeting_and_has_notes_one_on_a_quote_and_one_shared_with_the_ordförande()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var (erika, chair, meetingId) = await PeopleAndMeetingAsync("SUN", "ersattare@exempelby.se", Roles.Substitute);

        var notes = (await ListNotes(erika).HandleAsync(new ListNotesForMeeting(meetingId))).Value.ShouldNotBeNull();
        notes.Count.ShouldBe(3);
        notes.ShouldAllBe(n => n.IsMine);
        notes.Count(n => n.Page is null && n.SharedWith.Count == 0).ShouldBe(1);
        var onPage = notes.Single(n => n.Quote == DemoReaderContent.SchoolTransportQuote);
        (await PageTextAsync(onPage.DocumentVersionId!.Value, onPage.Page!.Value)).ShouldContain(DemoReaderContent.SchoolTransportQuote);
        var shared = notes.Single(n => n.SharedWith.Count > 0);
        shared.SharedWith.Single().Name.ShouldBe(chair.Name);
        var theirView = (await ListNotes(chair.User).HandleAsync(new ListNotesForMeeting(meetingId))).Value.ShouldNotBeNull();
        theirView.Single().AuthorName.ShouldBe("Erika Ersättare");

        var states = (await ReadStates(erika).HandleAsync(new GetReadStates(meetingId))).Value.ShouldNotBeNull();
        var byFile = await ByFirstFileNameAsync(states);
        byFile[DemoReaderContent.BudgetFile].Label.ShouldBe("läst");
        byFile[DemoReaderContent.SchoolYearFile].Label.ShouldBe("läst");
        byFile[DemoReaderContent.SchoolTransportFile].Label.ShouldBe("oläst");
        states.ChangedCount.ShouldBe(0);
    }

    [Fact]
    public async Task Seeding_again_adds_no_reading_and_the_new_version_was_uploaded_once_with_its_text()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var before = await CountsAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DemoReaderContent>().AddAsync()).ShouldBeFalse();
            (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync()).ShouldBeFalse();
        }

        (await CountsAsync()).ShouldBe(before);
        before.ShouldBe((9, 3, 5, 1, 1), "Lars's six notes, two shares and three reads, Erika's three notes, one share and two reads");
    }

    private async Task<(int Notes, int Shares, int ReadMarks, int SecondVersions, int SecondVersionTexts)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.MemberNotes.CountAsync(), await db.NoteShares.CountAsync(), await db.DocumentReadMarks.CountAsync(),
            await db.DocumentVersions.CountAsync(v => v.Number == 2),
            await db.DocumentTexts.CountAsync(t => db.DocumentVersions.Any(v => v.Id == t.VersionId && v.Number == 2)));
    }

    /// <summary>The reader (Lars by default), the organ's ordförande with their login and name, and the organ's next meeting with decision items.</summary>
    private async Task<(TestUser Lars, (TestUser User, string Name) Colleague, Guid MeetingId)> PeopleAndMeetingAsync(
        string organ = "OMN", string email = "ledamot@exempelby.se", string role = Roles.Member)
    {
        await using var db = Database.CreateContext();
        var larsUser = await db.Users.SingleAsync(u => u.Email == email);
        var omn = await db.Organs.SingleAsync(o => o.ShortName == organ);
        var now = DateTimeOffset.UtcNow;
        var meeting = await db.Meetings.Where(m => m.OrganId == omn.Id && m.StartsAt > now && db.AgendaItems.Any(i => i.MeetingId == m.Id && i.Kind == AgendaItemKind.Decision))
            .OrderBy(m => m.StartsAt).FirstAsync();
        var chair = await (from m in db.Memberships
                           join p in db.Persons on m.PersonId equals p.Id
                           where m.OrganId == omn.Id && m.Role == MembershipRole.Ordforande
                           select p).Distinct().SingleAsync();
        var chairUser = await db.Users.SingleAsync(u => u.Id == chair.UserId);
        chairUser.Email.ShouldBe(chair.Email, "the ordförande logs in with the roster's address");
        return (new TestUser(larsUser.Id, larsUser.UserName, role),
            (new TestUser(chairUser.Id, chairUser.UserName, Roles.Member), $"{chair.FirstName} {chair.LastName}"), meeting.Id);
    }

    /// <summary>The extracted page texts of a handling's first version.</summary>
    private async Task<IReadOnlyList<string>> FirstVersionAsync(Guid moved)
    {
        await using var db = Database.CreateContext();
        var version = await db.DocumentVersions.SingleAsync(v => v.DocumentId == moved && v.Number == 1);
        return (await db.DocumentTexts.SingleAsync(t => t.VersionId == version.Id)).Pages;
    }

    private static int? PageOf(IReadOnlyList<string> pages, string quote) =>
        pages.Select((text, i) => (text, i)).Single(p => p.text.Contains(quote, StringComparison.Ordinal)).i + 1;

    private async Task<string> PageTextAsync(Guid versionId, int page)
    {
        await using var db = Database.CreateContext();
        return (await db.DocumentTexts.SingleAsync(t => t.VersionId == versionId)).Pages[page - 1];
    }

    /// <summary>The read state of each handling on the meeting, by the file name its first version was uploaded as.</summary>
    private async Task<Dictionary<string, DocumentReadStateView>> ByFirstFileNameAsync(MeetingReadStates states)
    {
        var documents = states.Items.SelectMany(i => i.Documents).ToList();
        var documentIds = documents.Select(d => d.CaseDocumentId).ToList();
        await using var db = Database.CreateContext();
        var names = await db.DocumentVersions.Where(v => documentIds.Contains(v.DocumentId) && v.Number == 1).ToDictionaryAsync(v => v.DocumentId, v => v.FileName);
        return documents.ToDictionary(d => names[d.CaseDocumentId]);
    }

    private TestDbContextFactory Factory(TestUser user) => new(Database, user, TimeProvider.System);

    private AccessService Access(TestUser user) => new(Factory(user), user, TimeProvider.System);

    private ListNotesForMeetingHandler ListNotes(TestUser user) => new(Factory(user), Access(user), new DatabaseUserDirectory(Database));

    private ListMyNotesHandler MyNotes(TestUser user) => new(Factory(user), Access(user));

    private GetReadStatesHandler ReadStates(TestUser user) => new(Factory(user), Access(user));

    private ListMyMeetingsHandler MyMeetings(TestUser user) => new(Factory(user), Access(user));
}
