using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// The spårbarhetsstämpel of a download ("Nedladdad av Lars Ledamot 2026-12-01 21.05"): small grey text centred in the
/// bottom margin of every page. The document is opened for modification (not copied page by page, as PdfPig's builder
/// would), so its structure tree, outline and title stay; the stamp is marked as an artifact, so screen readers skip it.
/// </summary>
internal static class PdfSharpFooterStamp
{
    // Below the footers the portal's own PDFs print ("Sida X av Y" has its baseline 16.2 pt above the edge), and below what
    // most office documents put in their footer: a discreet line that still prints on an ordinary printer.
    private const double BaselineFromBottom = 7;
    private const double FontSize = 6.5;

    public static byte[] Apply(byte[] document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        PdfSharpFonts.EnsureRegistered();
        using var input = new MemoryStream(document, writable: false);
        using var pdf = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var font = new XFont(PdfSharpFonts.Family, FontSize);
        var ink = new XSolidBrush(XColor.FromArgb(0x80, 0x80, 0x80));
        foreach (var page in pdf.Pages)
        {
            using (var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var width = graphics.MeasureString(text, font).Width;
                graphics.DrawString(text, font, ink, Math.Max(0, (page.Width.Point - width) / 2), page.Height.Point - BaselineFromBottom);
            }

            PdfSharpPackDraft.MarkLastContentAsArtifact(page);
        }

        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }
}
