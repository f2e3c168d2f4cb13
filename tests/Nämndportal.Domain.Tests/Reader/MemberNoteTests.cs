using Nämndportal.Domain.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Domain.Tests.Reader;

public class MemberNoteTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_or_too_long_note_is_rejected()
    {
        Should.Throw<DomainException>(() => MemberNote.OnItem(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "   ", At));
        Should.Throw<DomainException>(() => MemberNote.OnItem(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new string('x', 4001), At))
            .Message.ShouldBe("En anteckning får ha högst 4000 tecken.");
    }

    [Fact]
    public void Quote_longer_than_1000_characters_is_rejected_and_long_context_is_cut_next_to_the_quote()
    {
        Should.Throw<DomainException>(() => MemberNote.OnDocumentPage(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, new string('q', 1001), null, null, "Fråga", At));

        var note = MemberNote.OnDocumentPage(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2, "citat", new string('a', 150) + "SLUT", "BÖRJAN" + new string('b', 150), "Fråga", At);

        note.QuoteBefore!.Length.ShouldBe(100);
        note.QuoteBefore.ShouldEndWith("SLUT");
        note.QuoteAfter!.ShouldStartWith("BÖRJAN");
        note.QuoteAfter.Length.ShouldBe(100);
        note.AnchorState.ShouldBe(NoteAnchorState.OnPage);
    }

    [Fact]
    public void Moving_to_a_new_version_changes_version_page_and_state_but_not_when_the_author_last_wrote()
    {
        var newVersion = Guid.NewGuid();
        var note = MemberNote.OnDocumentPage(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2, "citat", null, null, "Fråga", At);

        note.MoveToVersion(newVersion, new NoteRelocation(5, NoteAnchorState.Moved));

        (note.DocumentVersionId, note.Page, note.AnchorState, note.UpdatedAt).ShouldBe((newVersion, (int?)5, NoteAnchorState.Moved, At));
    }

    [Fact]
    public void A_note_on_the_item_cannot_be_moved_to_a_version()
    {
        var note = MemberNote.OnItem(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Fråga om taxan", At);
        Should.Throw<DomainException>(() => note.MoveToVersion(Guid.NewGuid(), new NoteRelocation(1, NoteAnchorState.Moved)));
    }

    [Theory]
    [InlineData(null, 3, DocumentReadState.Unread)]
    [InlineData(3, 3, DocumentReadState.Read)]
    [InlineData(2, 3, DocumentReadState.ChangedSinceRead)]
    public void Read_state_follows_the_version_read(int? read, int current, DocumentReadState expected) =>
        DocumentReadMark.StateOf(read, current).ShouldBe(expected);

    [Fact]
    public void Reading_an_older_version_again_keeps_the_newer_one_read()
    {
        var mark = new DocumentReadMark(Guid.NewGuid(), Guid.NewGuid(), 3, At);
        mark.Read(1, At.AddHours(1));
        mark.VersionNumber.ShouldBe(3);
    }
}
