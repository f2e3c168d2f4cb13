namespace Nämndportal.Application.Pdf;

/// <summary>Where an item is in the pack (pages 1-based) and where each of its documents is.</summary>
public sealed record PdfPackItemPages(string OutlineTitle, int FirstPage, int PageCount, IReadOnlyList<PdfPackDocumentPages> Documents)
{
    /// <summary>The item's last page; an item with no documents has none and its last page is before its first.</summary>
    public int LastPage => FirstPage + PageCount - 1;
}
