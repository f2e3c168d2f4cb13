using Nämndportal.Application.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>Merging and stamping finished PDFs with PdfPig (Apache-2.0).</summary>
public sealed class PdfPigTools : IPdfTools
{
    // A TrueType font with Swedish glyphs, from Debian's fonts-dejavu-core; the standard Helvetica lacks å, ä and ö.
    private static readonly string[] StampFontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    public byte[] Merge(IReadOnlyList<byte[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            throw new ArgumentException("At least one document is needed.", nameof(documents));
        }

        return PdfMerger.Merge(documents);
    }

    public byte[] Stamp(byte[] document, string text)
    {
        using var source = PdfDocument.Open(document);
        using var builder = new PdfDocumentBuilder();
        var fontPath = StampFontCandidates.FirstOrDefault(File.Exists);
        var font = fontPath is not null
            ? builder.AddTrueTypeFont(File.ReadAllBytes(fontPath))
            : builder.AddStandard14Font(Standard14Font.Helvetica);

        for (var number = 1; number <= source.NumberOfPages; number++)
        {
            var page = builder.AddPage(source, number);
            var size = source.GetPage(number).MediaBox.Bounds;
            const double fontSize = 9;
            var width = page.MeasureText(text, fontSize, PdfPoint.Origin, font).Sum(l => l.Width);
            page.SetTextAndFillColor(150, 0, 0);
            page.AddText(text, fontSize, new PdfPoint(size.Right - width - 20, size.Top - 14), font);
        }

        return builder.Build();
    }

    public int CountPages(byte[] document)
    {
        using var pdf = PdfDocument.Open(document);
        return pdf.NumberOfPages;
    }
}
