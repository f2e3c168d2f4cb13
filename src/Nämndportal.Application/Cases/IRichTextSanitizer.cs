namespace Nämndportal.Application.Cases;

/// <summary>
/// Cleans the HTML of a rich-text section (the tjänsteskrivelse's Sammanfattning, Beskrivning av ärendet and
/// konsekvensbeskrivningar) to an allow-list: headings h2–h4, paragraphs, line breaks, lists, bold, italic, tables and
/// links to http, https and mailto. Everything else is removed (ADR 0006).
/// </summary>
public interface IRichTextSanitizer
{
    SanitizedHtml Sanitize(string? html);
}

/// <param name="Html">The safe HTML to store and show.</param>
/// <param name="PlainText">The text without markup, entities decoded and whitespace collapsed, for search.</param>
/// <param name="Changed">Something not allowed (a script, an event attribute, a style, a link of another kind) was removed.</param>
public sealed record SanitizedHtml(string Html, string PlainText, bool Changed);
