using System.Globalization;
using System.Text;

namespace Nämndportal.Domain.Reader;

/// <summary>
/// Moves a note to a new version of its handling by the extracted text of the new version's pages. The new version was
/// typeset anew, so its text breaks lines (and sometimes words) differently from the old one and from what the reader's
/// text layer gave when the member selected the quote: text is compared with all white space and soft hyphens removed,
/// case-insensitively. A quote that appears more than once is told apart by its context (the text just before and after
/// it), then by nearness to the page the note was on.
/// </summary>
public static class NoteAnchoring
{
    /// <param name="quote">The selected text; null or blank for a note on a page without a selection.</param>
    /// <param name="before">Up to 100 characters before the quote, as selected.</param>
    /// <param name="after">Up to 100 characters after the quote, as selected.</param>
    /// <param name="page">The 1-based page the note is on now.</param>
    /// <param name="newPageTexts">The text of each page of the new version, page 1 first.</param>
    /// <returns>
    /// The page where the quote now stands and <see cref="NoteAnchorState.Moved"/> (the note is on another version now, and
    /// perhaps another page); or, when the quote is gone (or there is none), the old page, kept within the new page count,
    /// and <see cref="NoteAnchorState.DocumentChanged"/>.
    /// </returns>
    public static NoteRelocation Relocate(string? quote, string? before, string? after, int page, IReadOnlyList<string> newPageTexts)
    {
        ArgumentNullException.ThrowIfNull(newPageTexts);
        var stay = new NoteRelocation(Math.Clamp(page, 1, Math.Max(1, newPageTexts.Count)), NoteAnchorState.DocumentChanged);
        var needle = Normalise(quote);
        if (needle.Length == 0 || newPageTexts.Count == 0)
        {
            return stay;
        }

        // The pages end to end, so a quote running over a page break is found too; starts[i] is where page i + 1 begins.
        var text = new StringBuilder();
        var starts = new int[newPageTexts.Count];
        for (var i = 0; i < newPageTexts.Count; i++)
        {
            starts[i] = text.Length;
            text.Append(Normalise(newPageTexts[i]));
        }

        var haystack = text.ToString();
        var wantBefore = Normalise(before);
        var wantAfter = Normalise(after);
        (int Page, int Context, int Distance)? best = null;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var foundPage = PageAt(starts, at);
            var context = CommonSuffix(haystack.AsSpan(0, at), wantBefore) + CommonPrefix(haystack.AsSpan(at + needle.Length), wantAfter);
            var distance = Math.Abs(foundPage - page);
            if (best is not { } b || context > b.Context || (context == b.Context && distance < b.Distance))
            {
                best = (foundPage, context, distance);
            }
        }

        return best is { } found ? new NoteRelocation(found.Page, NoteAnchorState.Moved) : stay;
    }

    /// <summary>
    /// The form text is compared in: lower case (invariant), without soft hyphens, white space or control characters.
    /// Every character maps to at most one, so positions in the result are positions in the text of the pages.
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == 0x00AD || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                continue;
            }

            result.Append(Rune.ToLower(rune, CultureInfo.InvariantCulture).ToString());
        }

        return result.ToString();
    }

    private static int PageAt(int[] starts, int index)
    {
        var page = 1;
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] <= index)
            {
                page = i + 1;
            }
        }

        return page;
    }

    private static int CommonSuffix(ReadOnlySpan<char> text, string want)
    {
        var n = 0;
        while (n < text.Length && n < want.Length && text[text.Length - 1 - n] == want[want.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(ReadOnlySpan<char> text, string want)
    {
        var n = 0;
        while (n < text.Length && n < want.Length && text[n] == want[n])
        {
            n++;
        }

        return n;
    }
}
