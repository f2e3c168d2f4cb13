using System.Text;

namespace Nämndportal.Application.Search;

/// <summary>
/// A snippet comes from PostgreSQL's ts_headline with the matched words between two control characters that text
/// typed by people does not contain. It is turned into HTML here: everything is encoded first, and only then are
/// the markers replaced by &lt;mark&gt;, so nothing in a document's text can become markup.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Start of a matched word (STX).</summary>
    public const char MatchStart = '\u0002';

    /// <summary>End of a matched word (ETX).</summary>
    public const char MatchEnd = '\u0003';

    public static string ToHtml(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet))
        {
            return string.Empty;
        }

        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var plain = new StringBuilder();
        foreach (var c in snippet)
        {
            if (c is MatchStart or MatchEnd)
            {
                Encode(html, plain);
                plain.Clear();
                if (c == MatchStart && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (c == MatchEnd && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }
            else
            {
                plain.Append(c);
            }
        }

        Encode(html, plain);
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    // The five characters that matter in HTML (letters such as å, ä, ö stay as they are); other control characters become spaces.
    private static void Encode(StringBuilder html, StringBuilder plain)
    {
        foreach (var chunk in plain.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                switch (c)
                {
                    case '&': html.Append("&amp;"); break;
                    case '<': html.Append("&lt;"); break;
                    case '>': html.Append("&gt;"); break;
                    case '"': html.Append("&quot;"); break;
                    case '\'': html.Append("&#39;"); break;
                    case < ' ': html.Append(' '); break;
                    default: html.Append(c); break;
                }
            }
        }
    }

    /// <summary>The snippet as plain text, markers removed (for screen-reader labels and tests).</summary>
    public static string ToPlainText(string? snippet) =>
        string.IsNullOrEmpty(snippet) ? string.Empty : snippet.Replace(MatchStart.ToString(), string.Empty, StringComparison.Ordinal).Replace(MatchEnd.ToString(), string.Empty, StringComparison.Ordinal);
}
