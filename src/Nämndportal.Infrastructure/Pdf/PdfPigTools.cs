using Nämndportal.Application.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
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

    /// <summary>
    /// Joins the documents page by page. The result keeps the first document's title and every document's bookmarks,
    /// moved to where its pages now are; the structure tree (tags) is not carried over (ADR 0001).
    /// </summary>
    public byte[] Merge(IReadOnlyList<byte[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            throw new ArgumentException("At least one document is needed.", nameof(documents));
        }

        using var builder = new PdfDocumentBuilder();
        var bookmarks = new List<BookmarkNode>();
        string? title = null;
        var offset = 0;
        foreach (var document in documents)
        {
            using var source = PdfDocument.Open(document);
            title ??= source.Information.Title;
            for (var number = 1; number <= source.NumberOfPages; number++)
            {
                builder.AddPage(source, number);
            }

            bookmarks.AddRange(BookmarksOf(source, offset));
            offset += source.NumberOfPages;
        }

        return Finish(builder, title, bookmarks);
    }

    /// <summary>Writes <paramref name="text"/> top right on every page; the title and the bookmarks stay.</summary>
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

        return Finish(builder, source.Information.Title, BookmarksOf(source, 0));
    }

    /// <summary>The spårbarhetsstämpel: drawn with PDFsharp on the pages as they are, so the document keeps its tags (<see cref="PdfSharpFooterStamp"/>).</summary>
    public byte[] StampFooter(byte[] document, string text) => PdfSharpFooterStamp.Apply(document, text);

    private static byte[] Finish(PdfDocumentBuilder builder, string? title, List<BookmarkNode> bookmarks)
    {
        if (!string.IsNullOrEmpty(title))
        {
            builder.DocumentInformation.Title = title;
        }

        if (bookmarks.Count > 0)
        {
            builder.Bookmarks = new Bookmarks(bookmarks);
        }

        return builder.Build();
    }

    private static List<BookmarkNode> BookmarksOf(PdfDocument source, int pageOffset) =>
        source.TryGetBookmarks(out var bookmarks) ? bookmarks.Roots.Select(n => Moved(n, pageOffset)).OfType<BookmarkNode>().ToList() : [];

    /// <summary>A bookmark pointing at the same place with its pages <paramref name="pageOffset"/> further on; null for kinds a pack has no use for.</summary>
    private static BookmarkNode? Moved(BookmarkNode node, int pageOffset)
    {
        var children = node.Children.Select(c => Moved(c, pageOffset)).OfType<BookmarkNode>().ToList();
        return node switch
        {
            DocumentBookmarkNode d => new DocumentBookmarkNode(
                d.Title, d.Level, new ExplicitDestination(d.PageNumber + pageOffset, d.Destination.Type, d.Destination.Coordinates), children),
            UriBookmarkNode u => new UriBookmarkNode(u.Title, u.Level, u.Uri, children),
            _ => null,
        };
    }

    public int CountPages(byte[] document)
    {
        using var pdf = PdfDocument.Open(document);
        return pdf.NumberOfPages;
    }
}
