using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>The text of a fictitious handling: a title, lines under it (sender, date, reference) and sections.</summary>
internal sealed record DemoPdfContent(string Title, IReadOnlyList<string> Lines, IReadOnlyList<DemoPdfSection> Sections);

/// <summary>
/// A section of a fictitious handling. A paragraph starting with "• " is a bullet; a paragraph with tab characters is a
/// table row (the first row of a run of rows is printed bold). <paramref name="NewPage"/> starts the section on a new page.
/// </summary>
internal sealed record DemoPdfSection(string Heading, IReadOnlyList<string> Paragraphs, bool NewPage = false);

/// <summary>
/// Writes a demo handling as a plain A4 PDF with PdfPig, the way a scanned-and-OCR:ed or exported letter arrives: real text
/// (so search finds it), DejaVu Sans (which has å, ä and ö), "Sida X av Y" in the footer. The same content always gives
/// the same bytes: PdfPig's random document id is replaced by a checksum of the rest, so a re-seeded database holds the
/// same SHA-256 for each demo file.
/// </summary>
internal static class DemoPdf
{
    private const double Left = 70;
    private const double Right = 595 - 70;
    private const double Top = 842 - 80;
    private const double Bottom = 80;
    private const double BodySize = 11;
    private const double BodyLeading = 15.5;
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu/";

    public static byte[] Write(DemoPdfContent content, string issuer)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = content.Title;
        builder.DocumentInformation.Author = issuer;
        builder.DocumentInformation.Producer = "Nämndportal (demodata)";
        var regular = builder.AddTrueTypeFont(ReadFont("DejaVuSans.ttf"));
        var bold = builder.AddTrueTypeFont(ReadFont("DejaVuSans-Bold.ttf"));
        var writer = new PageWriter(builder, regular);

        writer.Paragraph(content.Title, 17, 23, bold);
        writer.Space(4);
        foreach (var line in content.Lines)
        {
            writer.Paragraph(line, 10, 14, regular);
        }

        foreach (var section in content.Sections)
        {
            if (section.NewPage)
            {
                writer.NewPage();
            }
            else
            {
                writer.Space(12);
            }

            writer.KeepLines(3);
            writer.Paragraph(section.Heading, 13, 18, bold);
            writer.Space(2);
            var header = true;
            foreach (var paragraph in section.Paragraphs)
            {
                if (paragraph.Contains('\t', StringComparison.Ordinal))
                {
                    writer.Row(paragraph.Split('\t'), header ? bold : regular);
                    header = false;
                    continue;
                }

                header = true;
                if (paragraph.StartsWith("• ", StringComparison.Ordinal))
                {
                    writer.Paragraph(paragraph[2..], BodySize, BodyLeading, regular, bullet: true);
                }
                else
                {
                    writer.Paragraph(paragraph, BodySize, BodyLeading, regular);
                    writer.Space(5);
                }
            }
        }

        writer.Footers(issuer, content.Title);
        return WithStableId(builder.Build());
    }

    private static byte[] ReadFont(string name)
    {
        var path = FontFolder + name;
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException($"The demo handlingar need the font {path} (Debian package fonts-dejavu-core; ./dev.sh installs it).");
    }

    /// <summary>The trailer's /ID (two random GUIDs from PdfPig) made a checksum of everything before it, keeping its length.</summary>
    private static byte[] WithStableId(byte[] pdf)
    {
        var marker = "/ID [ <"u8.ToArray();
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0)
        {
            return pdf;
        }

        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(pdf.AsSpan(0, at)))[..32]);
        var first = at + marker.Length;
        var second = pdf.AsSpan(first + 32).IndexOf((byte)'<') + first + 33;
        hex.CopyTo(pdf, first);
        hex.CopyTo(pdf, second);
        return pdf;
    }

    private sealed class PageWriter(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular)
    {
        private readonly List<PdfPageBuilder> _pages = [];
        private PdfPageBuilder? _page;
        private double _y;

        private PdfPageBuilder Page => _page ?? NewPage();

        public PdfPageBuilder NewPage()
        {
            _page = builder.AddPage(PageSize.A4);
            _pages.Add(_page);
            _y = Top;
            return _page;
        }

        public void Space(double points) => _y -= points;

        /// <summary>Starts a new page unless <paramref name="lines"/> body lines still fit (a heading is not left alone at the bottom).</summary>
        public void KeepLines(int lines)
        {
            if (_page is null || _y - (lines * BodyLeading) < Bottom)
            {
                NewPage();
            }
        }

        public void Paragraph(string text, double size, double leading, PdfDocumentBuilder.AddedFont font, bool bullet = false)
        {
            var indent = bullet ? 16 : 0;
            var first = true;
            foreach (var line in Wrap(text, size, font, Right - Left - indent))
            {
                if (_page is null || _y - leading < Bottom)
                {
                    NewPage();
                }

                _y -= leading;
                if (bullet && first)
                {
                    Page.AddText("•", size, new PdfPoint(Left + 4, _y), regular);
                }

                Page.AddText(line, size, new PdfPoint(Left + indent, _y), font);
                first = false;
            }
        }

        public void Row(string[] cells, PdfDocumentBuilder.AddedFont font)
        {
            if (_page is null || _y - BodyLeading < Bottom)
            {
                NewPage();
            }

            _y -= BodyLeading;
            // The first column is wide (a name), the others hold figures.
            var firstWidth = cells.Length > 1 ? (Right - Left) * 0.46 : Right - Left;
            var otherWidth = cells.Length > 1 ? (Right - Left - firstWidth) / (cells.Length - 1) : 0;
            for (var i = 0; i < cells.Length; i++)
            {
                var x = i == 0 ? Left : Left + firstWidth + ((i - 1) * otherWidth);
                Page.AddText(cells[i], 10, new PdfPoint(x, _y), font);
            }
        }

        public void Footers(string issuer, string title)
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                page.AddText(issuer, 8.5, new PdfPoint(Left, 842 - 45), regular);
                var number = $"Sida {i + 1} av {_pages.Count}";
                page.AddText(number, 8.5, new PdfPoint(Right - Width(page, number, 8.5, regular), 45), regular);
                page.AddText(title.Length > 70 ? title[..70] + "…" : title, 8.5, new PdfPoint(Left, 45), regular);
            }
        }

        private IEnumerable<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double width)
        {
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(Page, candidate, size, font) > width)
                {
                    yield return line.ToString();
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            if (line.Length > 0)
            {
                yield return line.ToString();
            }
        }

        /// <summary>
        /// The advance of <paramref name="text"/> set in <paramref name="font"/>: from the first letter's start to the last
        /// letter's end on the baseline. (PdfPig's <c>Letter.Width</c> of a measured TrueType letter is not in points: summed,
        /// it made every line many times too wide and set the demo handlingar in a narrow column.)
        /// </summary>
        private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            var letters = page.MeasureText(text, size, PdfPoint.Origin, font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }
    }
}
