using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Reader;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Reader;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Reader;

public class ReadMarkTests(DatabaseFixture database) : ReaderTest(database)
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_version_makes_a_read_handling_changed_since_read_and_the_counts_follow_per_item_and_meeting()
    {
        var second = await AddAsync("yttrande.pdf", TestFiles.Pdf("Yttrande fran pensionarsradet"), description: "Yttrande från pensionärsrådet");
        await using (var db = Database.CreateContext())
        {
            var meeting = await db.Meetings.Include("_items._documents").SingleAsync();
            meeting.SetItemDocuments(Item.Id, includeOfficerReport: true, [Report.DocumentId, second.DocumentId]);
            await db.SaveChangesAsync();
        }

        (await Counts(Member)).ShouldBe((2, 0));
        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(Meeting.Id, Report.VersionId))).Value.ShouldBe(DocumentReadState.Read);
        (await Counts(Member)).ShouldBe((1, 0));

        var v2 = await NewReportVersionAsync("Reviderad rapport");
        var states = (await ReadStates(Member).HandleAsync(new GetReadStates(Meeting.Id))).Value!;
        var item = states.Items.Single();
        (item.UnreadCount, item.ChangedCount).ShouldBe((1, 1));
        item.Documents.Single(d => d.CaseDocumentId == Report.DocumentId).Label.ShouldBe("ändrad sedan du läste");
        item.Documents.Single(d => d.CaseDocumentId == second.DocumentId).Label.ShouldBe("oläst");
        (await MyMeetingCounts(Member)).ShouldBe(((int?)1, (int?)1));

        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(Meeting.Id, v2.VersionId))).Value.ShouldBe(DocumentReadState.Read);
        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(Meeting.Id, Report.VersionId))).Value
            .ShouldBe(DocumentReadState.Read, "opening the old version again does not make the new one unread");
        (await Counts(Member)).ShouldBe((1, 0));

        // Each reader has their own marks.
        (await Counts(OtherMember)).ShouldBe((2, 0));
        (await MyMeetingCounts(OtherMember)).ShouldBe(((int?)2, (int?)0));
    }

    [Fact]
    public async Task Only_members_get_counts_on_their_meetings_and_a_handling_off_the_agenda_cannot_be_marked()
    {
        (await MyMeetingCounts(Secretary)).ShouldBe(((int?)null, (int?)null), "the secretary reads, but is not called to read");
        (await MyMeetingCounts(Member)).ShouldBe(((int?)1, (int?)0));

        var other = await AddAsync("ovrigt.pdf", TestFiles.Pdf("Inte utsand"), description: "Ej utsänd handling");
        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(Meeting.Id, other.VersionId))).Error!.Code.ShouldBe("not_found");
        (await MarkRead(MemberOfB).HandleAsync(new MarkDocumentRead(Meeting.Id, Report.VersionId))).Error!.Code.ShouldBe("not_found");
        (await ReadStates(MemberOfB).HandleAsync(new GetReadStates(Meeting.Id))).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task A_handling_is_marked_only_through_the_meeting_whose_agenda_holds_it()
    {
        var other = await AddAsync("senare.pdf", TestFiles.Pdf("Till ett senare sammantrade"), description: "Handling till ett senare sammanträde");
        var later = new Meeting(OrganA.Id, SwedishTime.FromLocal(new DateOnly(2026, 12, 16), new TimeOnly(13, 0)), null, "Eken");
        var item = later.AddItem(AgendaItemKind.Decision, "Yttrande över granskning av hemtjänsten", Case.Id, Case.Number);
        later.SetItemDocuments(item.Id, includeOfficerReport: false, [other.DocumentId]);
        await InsertAsync(later);

        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(Meeting.Id, other.VersionId))).Error!.Code.ShouldBe("not_found");
        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(later.Id, Report.VersionId))).Error!.Code.ShouldBe("not_found");
        (await MarkRead(Member).HandleAsync(new MarkDocumentRead(later.Id, other.VersionId))).Value.ShouldBe(DocumentReadState.Read);
        (await Counts(Member)).ShouldBe((1, 0), "the first meeting's handling is still unread");
    }

    private async Task<(int Unread, int Changed)> Counts(TestUser user)
    {
        var states = (await ReadStates(user).HandleAsync(new GetReadStates(Meeting.Id))).Value!;
        return (states.UnreadCount, states.ChangedCount);
    }

    private async Task<(int? Unread, int? Changed)> MyMeetingCounts(TestUser user)
    {
        var meeting = (await MyMeetings(user).HandleAsync(new ListMyMeetings(From))).Single(m => m.Id == Meeting.Id);
        return (meeting.UnreadCount, meeting.ChangedCount);
    }
}
