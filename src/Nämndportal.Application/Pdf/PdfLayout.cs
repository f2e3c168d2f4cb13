namespace Nämndportal.Application.Pdf;

/// <summary>
/// The frame around every printed page: the document's title (the PDF's metadata and outline root),
/// the running header's left and right text, and the footer's left text. "Sida X av Y" is always added.
/// </summary>
public sealed record PdfLayout(string Title, string HeaderLeft, string HeaderRight, string? FooterLeft = null);
