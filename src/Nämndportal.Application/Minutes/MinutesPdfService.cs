using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// Prints a protokoll. Chromium cannot number a table of contents, so the whole protokoll is printed twice: the first
/// print (with "000" holding each page number's room) is read back with the PDF reader to find the page each § heading
/// landed on, and the second print carries those numbers. An extract has no contents and is printed once.
/// </summary>
public sealed partial class MinutesPdfService(IPdfRenderer renderer, IPdfReader reader, IOptions<OfficerReportOptions> options)
{
    public static readonly IReadOnlyList<string> SignatureBoxes = ["Ordförandes signatur", "Justerandes signatur", "Utdragsbestyrkande"];

    public static PdfLayout Layout(MeetingMinutes minutes, MinutesPrintKind kind)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var date = minutes.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var what = kind == MinutesPrintKind.Extract ? "PROTOKOLLSUTDRAG" : "PROTOKOLL";
        return new PdfLayout(
            $"{(kind == MinutesPrintKind.Extract ? "Protokollsutdrag" : "Protokoll")} {minutes.OrganName} {date}",
            $"{what} – {minutes.OrganName}",
            $"Sammanträdesdatum {date}",
            NumberPages: true,
            SignatureBoxes: SignatureBoxes);
    }

    /// <summary>The file name a print is stored and downloaded under.</summary>
    public static string FileName(MeetingMinutes minutes, string suffix) =>
        $"Protokoll {minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd}{suffix}.pdf";

    public async Task<byte[]> RenderAsync(
        MeetingMinutes minutes, MinutesPrintKind kind, NoticeProof? proof = null, int? extractSection = null, string? certification = null,
        CancellationToken cancellationToken = default)
    {
        var layout = Layout(minutes, kind);
        var model = MinutesDocumentBuilder.Build(minutes, kind, options.Value.Municipality, proof, extractSection, certification);
        if (kind == MinutesPrintKind.Extract)
        {
            return await renderer.RenderAsync(model, layout, cancellationToken);
        }

        var first = await renderer.RenderAsync(model, layout with { Measuring = true }, cancellationToken);
        var pages = FindPages(reader.PageTexts(first), model.Sections);
        return await renderer.RenderAsync(model with { Contents = model.Contents.Select(c => c with { Page = pages.GetValueOrDefault(c.Number) }).ToList() }, layout, cancellationToken);
    }

    /// <summary>Prints a rättelse (rule 13) in the protokoll's frame: "RÄTTELSE AV PROTOKOLL – organ" and the signature boxes.</summary>
    public Task<byte[]> RenderCorrectionAsync(CorrectionDocumentModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var date = model.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var layout = new PdfLayout(
            $"{model.Title} – protokoll {model.OrganName} {date}",
            $"RÄTTELSE AV PROTOKOLL – {model.OrganName}",
            $"Sammanträdesdatum {date}",
            NumberPages: true,
            SignatureBoxes: SignatureBoxes);
        return renderer.RenderAsync(model with { Municipality = model.Municipality ?? options.Value.Municipality }, layout, cancellationToken);
    }

    /// <summary>
    /// The page (1-based) each § heading is printed on: searched in page order without white space, each § from the page
    /// of the one before, so a § number quoted in the contents or in another § is not mistaken for its heading.
    /// </summary>
    public static IReadOnlyDictionary<int, int> FindPages(IReadOnlyList<string> pageTexts, IReadOnlyList<SectionPrint> sections)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);
        ArgumentNullException.ThrowIfNull(sections);
        var flat = pageTexts.Select(t => Spaces().Replace(t, string.Empty)).ToList();
        var found = new Dictionary<int, int>();
        var from = 0;
        foreach (var section in sections)
        {
            var heading = Spaces().Replace(MinutesDocumentBuilder.HeadingText(section.Number, section.Title), string.Empty);
            var key = heading[..Math.Min(heading.Length, 24)];
            for (var page = from; page < flat.Count; page++)
            {
                if (flat[page].Contains(key, StringComparison.Ordinal))
                {
                    found[section.Number] = page + 1;
                    from = page;
                    break;
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
