using Nämndportal.Domain.Reader;

namespace Nämndportal.Domain.Tests.Reader;

public class NoteAnchoringTests
{
    private const string Quote = "kostnaden för hemtjänsten ökar med 4,2 procent";

    [Fact]
    public void Quote_found_on_another_page_moves_the_note_there()
    {
        var newPages = new[] { "Inledning och bakgrund", "Ny sida med tabeller", $"Förvaltningen bedömer att {Quote} under 2027." };

        NoteAnchoring.Relocate(Quote, "bedömer att ", " under 2027", 2, newPages)
            .ShouldBe(new NoteRelocation(3, NoteAnchorState.Moved));
    }

    [Fact]
    public void Quote_broken_over_other_lines_with_a_soft_hyphen_and_other_case_is_still_found()
    {
        // PdfPig's text of the re-typeset document: other line breaks, a word hyphenated softly, a capital letter.
        var newPages = new[] { "Sammanfattning", "Förvaltningen bedömer att Kostnaden för hem\u00ADtjänsten\nökar med  4,2\tprocent under 2027." };

        NoteAnchoring.Relocate(Quote, null, null, 1, newPages).ShouldBe(new NoteRelocation(2, NoteAnchorState.Moved));
    }

    [Fact]
    public void Quote_gone_leaves_the_note_on_its_page_marked_document_changed()
    {
        var newPages = new[] { "Inledning", "Förvaltningen föreslår oförändrade taxor.", "Bilagor" };

        NoteAnchoring.Relocate(Quote, "bedömer att ", null, 2, newPages)
            .ShouldBe(new NoteRelocation(2, NoteAnchorState.DocumentChanged));
    }

    [Fact]
    public void A_different_file_entirely_keeps_the_page_within_its_fewer_pages()
    {
        var newPages = new[] { "Protokoll från samverkansgruppen", "Närvarande: ..." };

        NoteAnchoring.Relocate(Quote, null, null, 7, newPages).ShouldBe(new NoteRelocation(2, NoteAnchorState.DocumentChanged));
    }

    [Fact]
    public void Repeated_quote_is_told_apart_by_its_context()
    {
        var newPages = new[]
        {
            "Taxan för trygghetslarm höjs enligt bilaga 1.",
            "Tabell",
            "Taxan för matdistribution höjs enligt bilaga 1.",
        };

        // The note was on page 1 of the old version, next to the repeated words, but its context is the matdistribution.
        NoteAnchoring.Relocate("höjs enligt bilaga 1", "Taxan för matdistribution ", ".", 1, newPages)
            .ShouldBe(new NoteRelocation(3, NoteAnchorState.Moved));
        NoteAnchoring.Relocate("höjs enligt bilaga 1", "Taxan för trygghetslarm ", ".", 3, newPages)
            .ShouldBe(new NoteRelocation(1, NoteAnchorState.Moved));
    }

    [Fact]
    public void Repeated_quote_without_telling_context_goes_to_the_occurrence_nearest_the_old_page()
    {
        var newPages = new[] { "Se bilaga.", "Text", "Text", "Se bilaga.", "Text" };

        NoteAnchoring.Relocate("Se bilaga", null, null, 5, newPages).ShouldBe(new NoteRelocation(4, NoteAnchorState.Moved));
        NoteAnchoring.Relocate("Se bilaga", null, null, 2, newPages).ShouldBe(new NoteRelocation(1, NoteAnchorState.Moved));
    }

    [Fact]
    public void Empty_pages_count_as_pages()
    {
        var newPages = new[] { "Försättsblad", string.Empty, string.Empty, $"Vi ser att {Quote}." };

        NoteAnchoring.Relocate(Quote, null, null, 1, newPages).ShouldBe(new NoteRelocation(4, NoteAnchorState.Moved));
    }

    [Fact]
    public void Quote_running_over_a_page_break_is_found_on_the_page_it_starts()
    {
        var newPages = new[] { "Förvaltningen bedömer att kostnaden för", "hemtjänsten ökar med 4,2 procent." };

        NoteAnchoring.Relocate(Quote, null, null, 1, newPages).ShouldBe(new NoteRelocation(1, NoteAnchorState.Moved));
    }

    [Fact]
    public void A_note_without_a_quote_stays_on_its_page_and_says_the_document_changed()
    {
        NoteAnchoring.Relocate(null, null, null, 3, ["a", "b", "c", "d"]).ShouldBe(new NoteRelocation(3, NoteAnchorState.DocumentChanged));
    }

    [Fact]
    public void A_new_version_without_text_keeps_the_note_on_page_one_at_most()
    {
        NoteAnchoring.Relocate(Quote, null, null, 4, []).ShouldBe(new NoteRelocation(1, NoteAnchorState.DocumentChanged));
    }
}
