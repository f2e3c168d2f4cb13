namespace Nämndportal.Application.Pdf;

/// <summary>
/// Where a document is in the pack (pages 1-based), and the reason if an ersättningssida stands in its place, whether the
/// caller asked for it or the assembler found the PDF unreadable.
/// </summary>
public sealed record PdfPackDocumentPages(string Name, int FirstPage, int PageCount, PlaceholderReason? Placeholder)
{
    public int LastPage => FirstPage + PageCount - 1;
}
