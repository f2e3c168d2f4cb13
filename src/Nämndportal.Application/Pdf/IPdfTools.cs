namespace Nämndportal.Application.Pdf;

/// <summary>Work on finished PDFs: joining a kallelse pack, stamping a mark on every page, reading page count and text.</summary>
public interface IPdfTools
{
    byte[] Merge(IReadOnlyList<byte[]> documents);

    /// <summary>Writes a short text at the top right of every page (e.g. "Provutskrift", "Justerat 2024-02-07").</summary>
    byte[] Stamp(byte[] document, string text);

    /// <summary>
    /// Writes a short text in small grey letters in the bottom margin of every page (the spårbarhetsstämpel of a download,
    /// "Nedladdad av …"), leaving the rest of the document (tags, outline, title) as it was.
    /// </summary>
    byte[] StampFooter(byte[] document, string text);

    int CountPages(byte[] document);
}
