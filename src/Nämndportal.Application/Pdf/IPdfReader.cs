namespace Nämndportal.Application.Pdf;

/// <summary>Reads uploaded PDFs: whether they can be opened at all, and their text for search.</summary>
public interface IPdfReader
{
    /// <summary>Opens the PDF and every page without a password; says what stands in the way if it cannot.</summary>
    PdfInspection Inspect(byte[] document);

    /// <summary>The text of each page, in page order, as the PDF holds it (not yet cleaned up).</summary>
    IReadOnlyList<string> PageTexts(byte[] document);
}
