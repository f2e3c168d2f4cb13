namespace Nämndportal.Application.Pdf;

/// <summary>
/// The frame around every printed page: the document's title (the PDF's metadata and outline root),
/// the running header's left and right text, and the footer's left text. "Sida X av Y" is added unless
/// <paramref name="NumberPages"/> is false: a part of a kallelse pack leaves it out, since the pack numbers its pages across all parts.
/// <paramref name="SignatureBoxes"/> puts a row of labelled boxes in every page's footer (a protokoll's Ordförandes
/// signatur, Justerandes signatur, Utdragsbestyrkande). <paramref name="Measuring"/> marks a print made only to learn where
/// the pages break (a protokoll's first pass): it is printed without structure tags and outline, which the layout does not
/// depend on and which cost most of the print's time, and is never kept.
/// </summary>
public sealed record PdfLayout(
    string Title, string HeaderLeft, string HeaderRight, string? FooterLeft = null, bool NumberPages = true, IReadOnlyList<string>? SignatureBoxes = null,
    bool Measuring = false);
