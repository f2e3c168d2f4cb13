using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Reader;
using Nämndportal.Domain.Reader;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Reader;

public class MemberNoteTests(DatabaseFixture database) : ReaderTest(database)
{
    [Fact]
    public async Task Only_the_author_reads_a_note_another_member_the_secretary_and_an_administrator_are_refused()
    {
        var note = await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Fråga: varför just 4,2 %?");

        var own = await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id));
        own.Value!.Select(n => (n.Text, n.Page, n.VersionNumber, n.IsMine)).ShouldBe([("Fråga: varför just 4,2 %?", (int?)2, (int?)1, true)]);

        foreach (var other in new[] { OtherMember, Secretary, Admin })
        {
            (await ListNotes(other).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.ShouldBeEmpty(other.UserName);
            (await MyNotes(other).HandleAsync(new ListMyNotes())).Total.ShouldBe(0, other.UserName);
            (await UpdateNote(other).HandleAsync(new UpdateNote { NoteId = note.Id, Version = note.Version, Text = "Ändrad" })).Error!.Code.ShouldBe("not_found");
            (await DeleteNote(other).HandleAsync(new DeleteNote(note.Id))).Error!.Code.ShouldBe("not_found");
            (await Share(other).HandleAsync(new ShareNote(note.Id, other.UserId!.Value))).Error!.Code.ShouldBe("not_found");
            (await Candidates(other).HandleAsync(new ListNoteShareCandidates(note.Id))).Error!.Code.ShouldBe("not_found");
        }

        // A member of another organ is refused the meeting itself, as if it did not exist.
        (await ListNotes(MemberOfB).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Error!.Code.ShouldBe("not_found");
        (await AddNote(MemberOfB).HandleAsync(new AddNote { MeetingId = Meeting.Id, AgendaItemId = Item.Id, Text = "Intrång" })).Error!.Code.ShouldBe("not_found");

        await using var db = Database.CreateContext();
        (await db.MemberNotes.SingleAsync()).Text.ShouldBe("Fråga: varför just 4,2 %?", "nobody but the author changed or deleted it");
        (await db.AuditTrail.ToListAsync()).ShouldAllBe(l => !l.Summary.Contains("4,2 %"), "a note's text never reaches the audit trail");
    }

    [Fact]
    public async Task The_author_edits_and_deletes_their_note_and_a_stale_edit_is_refused()
    {
        var note = await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Första tanken");

        var edited = await UpdateNote(Member).HandleAsync(new UpdateNote { NoteId = note.Id, Version = note.Version, Text = "Andra tanken" });
        edited.Error.ShouldBeNull();
        (await UpdateNote(Member).HandleAsync(new UpdateNote { NoteId = note.Id, Version = note.Version, Text = "Gammal flik" })).Error!.Code.ShouldBe("conflict");
        (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.Single().Text.ShouldBe("Andra tanken");

        (await DeleteNote(Member).HandleAsync(new DeleteNote(note.Id))).Error.ShouldBeNull();
        (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Notes_on_the_item_and_on_the_officer_report_need_no_version_and_a_handling_off_the_agenda_is_refused()
    {
        (await AddNote(Member).HandleAsync(new AddNote { MeetingId = Meeting.Id, AgendaItemId = Item.Id, Text = "Ta upp på gruppmötet" })).Error.ShouldBeNull();
        (await AddNote(Member).HandleAsync(new AddNote { MeetingId = Meeting.Id, AgendaItemId = Item.Id, OnOfficerReport = true, Page = 1, Quote = "att", Text = "Yrka avslag" }))
            .Error.ShouldBeNull();
        var other = await AddAsync("ovrigt.pdf", TestFiles.Pdf("Inte utsand"), description: "Ej utsänd handling");
        (await AddNote(Member).HandleAsync(new AddNote { MeetingId = Meeting.Id, AgendaItemId = Item.Id, DocumentVersionId = other.VersionId, Page = 1, Text = "?" }))
            .Error!.Code.ShouldBe("not_found");

        var notes = (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!;
        notes.Select(n => (n.Text, n.OnOfficerReport, n.Page)).ShouldBe([("Ta upp på gruppmötet", false, (int?)null), ("Yrka avslag", true, (int?)1)]);
    }

    [Fact]
    public async Task A_shared_note_is_read_only_for_the_member_it_is_shared_with_until_the_author_withdraws_it()
    {
        var note = await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Vi bör fråga förvaltningen");

        var candidates = (await Candidates(Member).HandleAsync(new ListNoteShareCandidates(note.Id))).Value!;
        candidates.Select(c => c.Name).ShouldBe(["Olle Ledamot"], "members of the organ on the meeting's date, the author left out");
        (await Share(Member).HandleAsync(new ShareNote(note.Id, MemberOfB.UserId!.Value))).Error!.Code.ShouldBe("invalid");
        (await Share(Member).HandleAsync(new ShareNote(note.Id, Secretary.UserId!.Value))).Error!.Code.ShouldBe("invalid");
        (await Share(Member).HandleAsync(new ShareNote(note.Id, OtherMember.UserId!.Value))).Error.ShouldBeNull();
        (await Share(Member).HandleAsync(new ShareNote(note.Id, OtherMember.UserId!.Value))).Error.ShouldBeNull();

        var shared = (await ListNotes(OtherMember).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.Single();
        (shared.Text, shared.IsMine, shared.AuthorName).ShouldBe(("Vi bör fråga förvaltningen", false, "Test ledamot"));
        (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.Single().SharedWith.Select(s => s.Name).ShouldBe(["Olle Ledamot"]);
        (await UpdateNote(OtherMember).HandleAsync(new UpdateNote { NoteId = note.Id, Version = note.Version, Text = "Kapat" })).Error!.Code.ShouldBe("not_found");
        (await ListNotes(Secretary).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.ShouldBeEmpty("sharing with one member shows it to nobody else");

        (await Withdraw(Member).HandleAsync(new WithdrawNoteShare(note.Id, OtherMember.UserId!.Value))).Error.ShouldBeNull();
        (await ListNotes(OtherMember).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_version_moves_a_note_to_where_its_quote_now_stands_and_flags_one_whose_quote_is_gone()
    {
        var moving = await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Kolla prognosen");
        var orphan = await NoteOnReportAsync(Member, 3, "statistik fran Socialstyrelsen", "Gammal statistik?");

        var v2 = await NewReportVersionAsync(
            "Sammanfattning",
            "Ny tabell over kostnader",
            "Inledning om hemtjansten i kommunen",
            "Kostnaden for hemtjansten okar med 4,2 procent under 2027 enligt prognosen.");
        Jobs.Enqueued.ShouldContain((typeof(RelocateNotesJob), Report.DocumentId), "the text job hands the notes on to be moved");
        await RelocateJob().RunAsync(Report.DocumentId, v2.VersionId, CancellationToken.None);

        var notes = (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.ToDictionary(n => n.Id);
        (notes[moving.Id].Page, notes[moving.Id].VersionNumber, notes[moving.Id].AnchorState, notes[moving.Id].AnchorText)
            .ShouldBe(((int?)4, (int?)2, NoteAnchorState.Moved, "Flyttad till version 2, sida 4"));
        (notes[orphan.Id].Page, notes[orphan.Id].VersionNumber, notes[orphan.Id].AnchorState, notes[orphan.Id].AnchorText)
            .ShouldBe(((int?)3, (int?)2, NoteAnchorState.DocumentChanged, "Dokumentet har ändrats sedan anteckningen"));

        // Run again (a retried job): nothing moves twice.
        await RelocateJob().RunAsync(Report.DocumentId, v2.VersionId, CancellationToken.None);
        (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.Single(n => n.Id == moving.Id).Page.ShouldBe(4);
    }

    [Fact]
    public async Task A_different_file_entirely_leaves_notes_on_their_pages_within_its_page_count()
    {
        var note = await NoteOnReportAsync(Member, 3, "statistik fran Socialstyrelsen", "Gammal statistik?");

        var v2 = await NewReportVersionAsync("Protokoll fran samverkansgruppen", "Narvarande");
        await RelocateJob().RunAsync(Report.DocumentId, v2.VersionId, CancellationToken.None);

        var moved = (await ListNotes(Member).HandleAsync(new ListNotesForMeeting(Meeting.Id))).Value!.Single(n => n.Id == note.Id);
        (moved.Page, moved.AnchorState).ShouldBe(((int?)2, NoteAnchorState.DocumentChanged));
    }

    [Fact]
    public async Task My_notes_lists_only_my_own_and_searches_text_and_quote()
    {
        await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Fråga om prognosen");
        await NoteOnReportAsync(Member, 3, "statistik fran Socialstyrelsen", "Gammal siffra");
        await NoteOnReportAsync(OtherMember, 2, "okar med 4,2 procent", "Min egen prognosfråga");

        var all = await MyNotes(Member).HandleAsync(new ListMyNotes());
        all.Total.ShouldBe(2);
        all.Rows.Select(r => (r.ItemNumber, r.DocumentName, r.Page)).ShouldBe([((int?)1, "Handling 1", (int?)2), (1, "Handling 1", 3)]);
        (await MyNotes(Member).HandleAsync(new ListMyNotes("PROGNOSEN"))).Rows.Select(r => r.Text).ShouldBe(["Fråga om prognosen"]);
        (await MyNotes(Member).HandleAsync(new ListMyNotes("socialstyrelsen"))).Rows.Select(r => r.Text).ShouldBe(["Gammal siffra"], "found by its quote");
        (await MyNotes(Member).HandleAsync(new ListMyNotes("%"))).Total.ShouldBe(0, "the user's % is a character, not a wildcard");
        var second = await MyNotes(Member).HandleAsync(new ListMyNotes(Page: 2, PageSize: 1));
        (second.Total, second.Rows.Single().Text).ShouldBe((2, "Gammal siffra"));
    }
}
