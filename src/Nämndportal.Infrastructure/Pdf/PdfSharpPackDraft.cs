using Nämndportal.Application.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// The items of a pack with every source PDF opened once (PDFsharp's import mode), so laying out and assembling —
/// possibly twice, if the kallelse page's length changes — never parses a source again.
/// </summary>
/// <remarks>
/// The front matter (the kallelse page) is opened for modification and the items' pages are appended to it, so the
/// front matter keeps its structure tree (tags) and language; pages imported from other PDFs come without theirs,
/// since PDFsharp copies pages, not structure trees (ADR 0001).
/// </remarks>
internal sealed class PdfSharpPackDraft : IPdfPackDraft
{
    private const double PointsPerMm = 72 / 25.4;

    private readonly List<Item> _items;

    // The sources' size: the output is about as large, so its buffer is allocated once instead of doubling its way there.
    private readonly long _sourceBytes;

    private PdfSharpPackDraft(List<Item> items, long sourceBytes)
    {
        _items = items;
        _sourceBytes = sourceBytes;
    }

    public static PdfSharpPackDraft Open(IReadOnlyList<PdfPackItem> items, IPdfReader reader)
    {
        ArgumentNullException.ThrowIfNull(items);
        PdfSharpFonts.EnsureRegistered();
        var opened = new List<Item>(items.Count);
        try
        {
            foreach (var item in items)
            {
                opened.Add(new Item(item.OutlineTitle, item.Documents.Select(d => OpenDocument(d, reader)).ToList()));
            }
        }
        catch
        {
            opened.ForEach(i => i.Dispose());
            throw;
        }

        return new PdfSharpPackDraft(opened, items.SelectMany(i => i.Documents).Sum(d => (long)(d.Pdf?.Length ?? 0)));
    }

    public IReadOnlyList<PdfPackItemPages> Layout(int frontMatterPages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frontMatterPages);
        var result = new List<PdfPackItemPages>(_items.Count);
        var next = frontMatterPages + 1;
        foreach (var item in _items)
        {
            var first = next;
            var documents = new List<PdfPackDocumentPages>(item.Documents.Count);
            foreach (var document in item.Documents)
            {
                documents.Add(new PdfPackDocumentPages(document.Name, next, document.PageCount, document.Placeholder?.Reason));
                next += document.PageCount;
            }

            result.Add(new PdfPackItemPages(item.OutlineTitle, first, next - first, documents));
        }

        return result;
    }

    public async Task<PdfPack> AssembleAsync(
        string title,
        string? frontMatterOutlineTitle,
        Func<IReadOnlyList<PdfPackItemPages>, CancellationToken, Task<byte[]>> renderFrontMatter,
        string? stamp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderFrontMatter);
        var assumed = 1;
        byte[] front = [];
        // The page ranges printed on the kallelse page can make it longer (or shorter); a third try is almost never needed.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            front = await renderFrontMatter(Layout(assumed), cancellationToken);
            var actual = CountPages(front);
            if (actual == assumed)
            {
                break;
            }

            assumed = actual;
        }

        return Assemble(new PdfPackFrontMatter(front, frontMatterOutlineTitle), title, stamp);
    }

    public PdfPack Assemble(PdfPackFrontMatter? frontMatter, string title, string? stamp = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        using var output = frontMatter is null ? new PdfDocument() : OpenFrontMatter(frontMatter.Pdf);
        var frontPages = output.PageCount;

        // The front matter's own outline (Chromium's headings) gives way to the pack's: one entry per item.
        output.Outlines.Clear();
        if (frontMatter?.OutlineTitle is { Length: > 0 } frontTitle && frontPages > 0)
        {
            output.Outlines.Add(frontTitle, output.Pages[0], true);
        }

        foreach (var item in _items)
        {
            PdfOutline? itemOutline = null;
            foreach (var document in item.Documents)
            {
                var first = AddDocument(output, item, document);
                itemOutline ??= output.Outlines.Add(item.OutlineTitle, first, true);
                itemOutline.Outlines.Add(document.Name, first);
            }
        }

        output.Info.Title = title;
        ShowTitle(output);
        output.PageMode = PdfPageMode.UseOutlines;
        if (string.IsNullOrEmpty(output.Language))
        {
            output.Language = "sv-SE";
        }

        NumberPages(output);
        if (!string.IsNullOrWhiteSpace(stamp))
        {
            // Drawn here, on the pages as they are, rather than by copying the finished pack page by page once more: the
            // kallelse page keeps its tags, and a draft costs one parse of its sources instead of two of the whole pack.
            StampPages(output, stamp);
        }

        // Without it PDFsharp writes the imported streams out decoded: a 225-page pack grows from 1.6 to 18 MB. Its deflate
        // output makes `qpdf --check` warn "input stream is complete but output may still be valid"; qpdf, PdfPig and
        // viewers read the streams all the same.
        output.Options.CompressContentStreams = true;
        var pageCount = output.PageCount;
        using var stream = new MemoryStream((int)Math.Min(Array.MaxLength, _sourceBytes + (frontMatter?.Pdf.Length ?? 0) + 64 * 1024));
        output.Save(stream);
        return new PdfPack(stream.ToArray(), pageCount, frontPages, Layout(frontPages));
    }

    /// <summary>Viewers show the title rather than a file name. Chromium writes its viewer preferences inline, which PDFsharp's property cannot read.</summary>
    private static void ShowTitle(PdfDocument output)
    {
        var catalog = output.Internals.Catalog;
        var existing = catalog.Elements["/ViewerPreferences"];
        var preferences = (existing as PdfDictionary) ?? ((existing as PdfSharp.Pdf.Advanced.PdfReference)?.Value as PdfDictionary);
        if (preferences is null)
        {
            output.ViewerPreferences.DisplayDocTitle = true;
            return;
        }

        preferences.Elements.SetBoolean("/DisplayDocTitle", true);
    }

    public void Dispose() => _items.ForEach(i => i.Dispose());

    private static int CountPages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    private static PdfDocument OpenFrontMatter(byte[] pdf) =>
        PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);

    private static Document OpenDocument(PdfPackDocument document, IPdfReader reader)
    {
        if (document.Placeholder is not null || document.Pdf is null)
        {
            return new Document(document.Name, null, document.Placeholder ?? new PlaceholderPage(PlaceholderReason.NotConverted));
        }

        // PDFsharp opens a file encrypted with only an owner password (no printing, no copying …) and would write it out
        // decrypted, lifting the author's restrictions; such files are refused at upload too (PdfPigReader), so they get
        // an ersättningssida. "/Encrypt" in the bytes is a fast first test; PdfPig confirms it.
        if (document.Pdf.AsSpan().IndexOf("/Encrypt"u8) >= 0
            && reader.Inspect(document.Pdf).Condition is PdfCondition.Encrypted or PdfCondition.PasswordProtected)
        {
            return new Document(document.Name, null, new PlaceholderPage(PlaceholderReason.Encrypted));
        }

        try
        {
            var source = PdfReader.Open(new MemoryStream(document.Pdf, writable: false), PdfDocumentOpenMode.Import);

            if (source.PageCount < 1)
            {
                source.Dispose();
                return new Document(document.Name, null, new PlaceholderPage(PlaceholderReason.Corrupt));
            }

            return new Document(document.Name, source, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // PDFsharp throws several kinds for broken or protected files; PdfPig tells which it is.
            var condition = reader.Inspect(document.Pdf).Condition;
            var reason = condition is PdfCondition.Encrypted or PdfCondition.PasswordProtected ? PlaceholderReason.Encrypted : PlaceholderReason.Corrupt;
            return new Document(document.Name, null, new PlaceholderPage(reason));
        }
    }

    /// <summary>Appends the document's pages (or its ersättningssida) and returns its first page.</summary>
    private static PdfPage AddDocument(PdfDocument output, Item item, Document document)
    {
        if (document.Source is null)
        {
            return AddPlaceholder(output, item, document.Name, document.Placeholder!);
        }

        var before = output.PageCount;
        try
        {
            PdfPage? first = null;
            foreach (var page in document.Source.Pages)
            {
                var added = output.AddPage(page);
                first ??= added;
            }

            return first!;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // A file that opened but breaks while its pages are copied: its pages are taken out again and the
            // ersättningssida (followed by blank pages, so the page ranges already printed stay true) takes their place.
            while (output.PageCount > before)
            {
                output.Pages.RemoveAt(output.PageCount - 1);
            }

            var first = AddPlaceholder(output, item, document.Name, new PlaceholderPage(PlaceholderReason.Corrupt));
            for (var i = 1; i < document.PageCount; i++)
            {
                output.AddPage().Size = PdfSharp.PageSize.A4;
            }

            return first;
        }
    }

    private static PdfPage AddPlaceholder(PdfDocument output, Item item, string name, PlaceholderPage placeholder)
    {
        var page = output.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var graphics = XGraphics.FromPdfPage(page);
        var left = 25 * PointsPerMm;
        var width = page.Width.Point - left - 20 * PointsPerMm;
        var top = 40 * PointsPerMm;
        var small = new XFont(PdfSharpFonts.Family, 10);
        var heading = new XFont(PdfSharpFonts.Family, 16, XFontStyleEx.Bold);
        var body = new XFont(PdfSharpFonts.Family, 12);
        var y = DrawWrapped(graphics, item.OutlineTitle, small, XBrushes.DimGray, left, top, width);
        y = DrawWrapped(graphics, name, heading, XBrushes.Black, left, y + 12, width);
        DrawWrapped(graphics, placeholder.Explanation, body, XBrushes.Black, left, y + 16, width);
        return page;
    }

    /// <summary>
    /// Draws <paramref name="text"/> in lines no wider than <paramref name="width"/>, each line in one piece so a reader of
    /// the PDF's text (search, a screen reader) gets the spaces; returns the baseline of the last line.
    /// </summary>
    private static double DrawWrapped(XGraphics graphics, string text, XFont font, XBrush brush, double left, double top, double width)
    {
        var lineHeight = font.GetHeight();
        var y = top;
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                y += lineHeight;
                graphics.DrawString(line, font, brush, left, y);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        y += lineHeight;
        graphics.DrawString(line, font, brush, left, y);
        return y;
    }

    /// <summary>
    /// Writes "Sida X av Y" bottom right on every page, where Chromium's footer puts it, on a white box so an attached
    /// document's own footer does not show through.
    /// </summary>
    private static void NumberPages(PdfDocument output)
    {
        var font = new XFont(PdfSharpFonts.Family, 8);
        var ink = new XSolidBrush(XColor.FromArgb(0x33, 0x33, 0x33));
        var total = output.PageCount;
        for (var index = 0; index < total; index++)
        {
            var page = output.Pages[index];
            using (var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var text = $"Sida {index + 1} av {total}";
                var size = graphics.MeasureString(text, font);
                var right = page.Width.Point - 20 * PointsPerMm;
                var baseline = page.Height.Point - StampBaselineFromBottom;
                const double pad = 2;
                graphics.DrawRectangle(XBrushes.White, right - size.Width - pad, baseline - size.Height + pad, size.Width + 2 * pad, size.Height + pad);
                graphics.DrawString(text, font, ink, right - size.Width, baseline);
            }

            MarkLastContentAsArtifact(page);
        }
    }

    /// <summary>Writes <paramref name="text"/> in red, 9 pt, top right of every page (14 pt below the top edge, 20 pt in).</summary>
    private static void StampPages(PdfDocument output, string text)
    {
        var font = new XFont(PdfSharpFonts.Family, 9);
        var ink = new XSolidBrush(XColor.FromArgb(150, 0, 0));
        foreach (var page in output.Pages)
        {
            using (var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var width = graphics.MeasureString(text, font).Width;
                graphics.DrawString(text, font, ink, page.Width.Point - width - 20, 14);
            }

            MarkLastContentAsArtifact(page, WatermarkBegin);
        }
    }

    /// <summary>
    /// Wraps the stamp just drawn in an /Artifact marked-content sequence (a page number is pagination, not content), so a
    /// tagged page (the kallelse page keeps its tags) holds no untagged content and screen readers skip the number.
    /// </summary>
    internal static void MarkLastContentAsArtifact(PdfPage page) => MarkLastContentAsArtifact(page, ArtifactBegin);

    private static void MarkLastContentAsArtifact(PdfPage page, byte[] begin)
    {
        var contents = page.Contents.Elements;
        var last = contents[contents.Count - 1];
        if (((last as PdfSharp.Pdf.Advanced.PdfReference)?.Value ?? last) is not PdfDictionary { Stream: { } stream } content
            || content.Elements.ContainsKey("/Filter"))
        {
            return;
        }

        byte[] wrapped = [.. begin, .. stream.Value, .. ArtifactEnd];
        stream.Value = wrapped;
    }

    private static readonly byte[] ArtifactBegin = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"u8.ToArray();
    private static readonly byte[] WatermarkBegin = "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n"u8.ToArray();
    private static readonly byte[] ArtifactEnd = "\nEMC\n"u8.ToArray();

    // Where Chromium's footer puts "Sida X av Y" on a page printed with the PrintShell's margins, so the pack's numbers sit
    // (measured: Liberation Sans 8 pt, baseline 16.2 pt above the bottom edge, right edge 20 mm in).
    private const double StampBaselineFromBottom = 16.2;

    private sealed record Item(string OutlineTitle, List<Document> Documents) : IDisposable
    {
        public void Dispose() => Documents.ForEach(d => d.Source?.Dispose());
    }

    private sealed record Document(string Name, PdfDocument? Source, PlaceholderPage? Placeholder)
    {
        public int PageCount => Source?.PageCount ?? 1;
    }
}
