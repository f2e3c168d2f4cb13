using Nämndportal.Application.Cases;
using Nämndportal.Application.Pdf;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Security;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;
using SharpDocument = PdfSharp.Pdf.PdfDocument;

namespace Nämndportal.IntegrationTests.Pdf;

/// <summary>
/// The kallelse pack assembler on real PDFs: parts printed by Chromium (tagged, without their own page numbers) and
/// attachments of several pages with footers of their own, read back with PdfPig.
/// </summary>
public class PdfPackAssemblerTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private static readonly PdfLayout PartLayout = new("Kallelse", "Omsorgsnämnden", "KALLELSE 2026-12-09", NumberPages: false);

    private readonly PdfSharpPackAssembler _assembler = new(new PdfPigReader());

    [Fact]
    public async Task Pack_has_an_outline_entry_per_item_with_a_child_per_document_on_its_first_page()
    {
        var report = await RenderReportAsync("Årsbokslut för äldreomsorgen", "Förvaltningen föreslår att nämnden godkänner årsbokslutet.");
        var items = new List<PdfPackItem>
        {
            new("1. Årsbokslut 2025 för äldreomsorgen", [PdfPackDocument.Of("Tjänsteskrivelse", report), PdfPackDocument.Of("Bilaga: Ekonomisk översikt", Attachment("Ekonomisk översikt", 3))]),
            new("2. Svar på medborgarförslag om gångstråk", [PdfPackDocument.Of("Medborgarförslag från Åsa Öberg", Attachment("Medborgarförslaget", 2))]),
            new("3. Övriga frågor", [PdfPackDocument.Of("Skrivelse", Attachment("Skrivelsen", 1)), PdfPackDocument.Of("Yttrande", Attachment("Yttrandet", 2))]),
        };

        using var draft = _assembler.Prepare(items);
        var front = await RenderReportAsync("Kallelse till sammanträde", "Dagordningen följer.");
        var pack = draft.Assemble(new PdfPackFrontMatter(front, "Kallelse"), "Kallelse – Omsorgsnämnden 2026-12-09");

        using var pdf = PdfDocument.Open(pack.Pdf);
        var reportPages = CountPages(report);
        var frontPages = CountPages(front);
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden 2026-12-09");
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the pack must have an outline");
        bookmarks.Roots.Select(r => r.Title).ShouldBe(
            ["Kallelse", "1. Årsbokslut 2025 för äldreomsorgen", "2. Svar på medborgarförslag om gångstråk", "3. Övriga frågor"]);
        var item1 = frontPages + 1;
        var item2 = item1 + reportPages + 3;
        var item3 = item2 + 2;
        bookmarks.Roots.Select(PageOf).ShouldBe([1, item1, item2, item3]);
        bookmarks.Roots[1].Children.Select(c => (c.Title, PageOf(c))).ShouldBe([("Tjänsteskrivelse", item1), ("Bilaga: Ekonomisk översikt", item1 + reportPages)]);
        bookmarks.Roots[2].Children.Select(c => (c.Title, PageOf(c))).ShouldBe([("Medborgarförslag från Åsa Öberg", item2)]);
        bookmarks.Roots[3].Children.Select(c => (c.Title, PageOf(c))).ShouldBe([("Skrivelse", item3), ("Yttrande", item3 + 1)]);
        pdf.GetPage(item1 + reportPages).Text.ShouldContain("Ekonomisk översikt, sida 1");
        pdf.GetPage(item3 + 1).Text.ShouldContain("Yttrandet, sida 1");
        pack.Items.Select(i => (i.FirstPage, i.LastPage)).ShouldBe([(item1, item2 - 1), (item2, item3 - 1), (item3, item3 + 2)]);
        pack.PageCount.ShouldBe(pdf.NumberOfPages);
        pdf.NumberOfPages.ShouldBe(item3 + 2);
    }

    [Fact]
    public async Task Every_page_says_Sida_X_av_Y_counting_across_the_whole_pack()
    {
        var items = Enumerable.Range(1, 6)
            .Select(n => new PdfPackItem($"{n}. Ärende {n}", [PdfPackDocument.Of($"Handling {n}", Attachment($"Handling {n}", 6))]))
            .ToList();
        using var draft = _assembler.Prepare(items);
        var front = await RenderReportAsync("Kallelse till sammanträde", "Dagordningen följer.");

        var pack = draft.Assemble(new PdfPackFrontMatter(front, "Kallelse"), "Kallelse");

        using var pdf = PdfDocument.Open(pack.Pdf);
        var total = pdf.NumberOfPages;
        total.ShouldBe(CountPages(front) + 36);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain($"Sida {page.Number} av {total}");
        }

        // The kallelse page was printed without Chromium's own numbers, so it carries the pack's only.
        pdf.GetPage(1).Text.Split("Sida ").Length.ShouldBe(2, "one page number on the kallelse page");
    }

    [Fact]
    public async Task Corrupt_encrypted_and_withheld_documents_get_an_ersattningssida_naming_them_and_the_pack_still_renders()
    {
        var good = Attachment("Läsbar bilaga", 2);
        var truncated = good[..(good.Length / 2)];
        var items = new List<PdfPackItem>
        {
            new("1. Bygglov för förskola", [PdfPackDocument.Of("Ritning över förskolegården", truncated), PdfPackDocument.Of("Läsbar bilaga", good)]),
            new("2. Avtal om städtjänster", [PdfPackDocument.Of("Låst avtal från leverantören", Encrypted(Attachment("Avtalet", 3), userPassword: "hemligt"))]),
            new("3. Avtal om färdtjänst", [PdfPackDocument.Of("Avtal med ägarlösenord", Encrypted(Attachment("Färdtjänstavtalet", 2), userPassword: null))]),
            new("4. Ansökan om bistånd", [PdfPackDocument.InPlaceOf("Utredning om bistånd", new PlaceholderPage(PlaceholderReason.Secret, "OSL 26 kap. 1 §"))]),
            new("5. Enskilt ärende", [PdfPackDocument.InPlaceOf("Ärende om förordnande", new PlaceholderPage(PlaceholderReason.ClosedItem))]),
            new("6. Yttrande över detaljplan", [PdfPackDocument.InPlaceOf("Planbeskrivning.docx", new PlaceholderPage(PlaceholderReason.NotConverted))]),
        };

        using var draft = _assembler.Prepare(items);
        var pack = draft.Assemble(null, "Kallelse");

        using var pdf = PdfDocument.Open(pack.Pdf);
        pdf.NumberOfPages.ShouldBe(1 + 2 + 1 + 1 + 1 + 1 + 1);
        var corrupt = Words(pdf, 1);
        corrupt.ShouldContain("Ritning över förskolegården");
        corrupt.ShouldContain("Handlingen kunde inte läsas (filen är skadad).");
        Words(pdf, 2).ShouldContain("Läsbar bilaga, sida 1");
        Words(pdf, 4).ShouldContain("Låst avtal från leverantören");
        Words(pdf, 4).ShouldContain("Handlingen är krypterad och kan inte visas i paketet.");
        Words(pdf, 4).ShouldNotContain("Avtalet, sida");
        Words(pdf, 5).ShouldContain("Avtal med ägarlösenord");
        Words(pdf, 5).ShouldContain("Handlingen är krypterad och kan inte visas i paketet.");
        Words(pdf, 6).ShouldContain("Utredning om bistånd");
        Words(pdf, 6).ShouldContain("Handlingen omfattas av sekretess enligt OSL 26 kap. 1 § och finns hos nämndsekreteraren.");
        Words(pdf, 7).ShouldContain("Ärende om förordnande");
        Words(pdf, 7).ShouldContain("stängda dörrar");
        Words(pdf, 8).ShouldContain("Planbeskrivning.docx");
        Words(pdf, 8).ShouldContain("Handlingen håller på att konverteras");
        pack.Items.SelectMany(i => i.Documents).Select(d => d.Placeholder).ShouldBe(
        [
            PlaceholderReason.Corrupt, null, PlaceholderReason.Encrypted, PlaceholderReason.Encrypted, PlaceholderReason.Secret,
            PlaceholderReason.ClosedItem, PlaceholderReason.NotConverted,
        ]);
        Words(pdf, 8).ShouldContain("Sida 8 av 8");
    }

    [Fact]
    public async Task Page_ranges_printed_on_the_kallelse_page_are_where_each_item_starts()
    {
        // Enough items that the kallelse page runs to two pages once the ranges are printed on it.
        var items = Enumerable.Range(1, 14)
            .Select(n => new PdfPackItem($"{n}. Ärende nummer {n} om äldreomsorg", [PdfPackDocument.Of($"Handling {n}", Attachment($"Ärende {n} handling", 1 + (n % 3)))]))
            .ToList();
        using var draft = _assembler.Prepare(items);

        var pack = await draft.AssembleAsync("Kallelse", "Kallelse", async (layout, _) =>
        {
            var lines = string.Concat(layout.Select(i => $"<p>{i.OutlineTitle}: sidorna {i.FirstPage}–{i.LastPage}.</p><p>Föredragande: förvaltningen. Ärendet bereds av arbetsutskottet och beslutas av nämnden.</p><p>&nbsp;</p>"));
            return await RenderReportAsync("Kallelse till sammanträde", lines);
        });

        using var pdf = PdfDocument.Open(pack.Pdf);
        pack.FrontMatterPages.ShouldBeGreaterThan(1, "the test needs a kallelse page longer than the first guess");
        var kallelse = string.Concat(Enumerable.Range(1, pack.FrontMatterPages).Select(n => pdf.GetPage(n).Text));
        for (var n = 1; n <= items.Count; n++)
        {
            var item = pack.Items[n - 1];
            kallelse.ShouldContain($"Ärende nummer {n} om äldreomsorg: sidorna {item.FirstPage}–{item.LastPage}.");
            pdf.GetPage(item.FirstPage).Text.ShouldContain($"Ärende {n} handling, sida 1");
            pdf.GetPage(item.LastPage).Text.ShouldContain($"Ärende {n} handling, sida {1 + (n % 3)}");
        }
    }

    [Fact]
    public async Task The_kallelse_page_keeps_its_tags_while_appended_documents_come_without()
    {
        var front = await RenderReportAsync("Kallelse till sammanträde", "Dagordningen följer.");
        var report = await RenderReportAsync("Årsbokslut", "Förvaltningen föreslår att nämnden godkänner årsbokslutet.");
        using var draft = _assembler.Prepare([new PdfPackItem("1. Årsbokslut", [PdfPackDocument.Of("Tjänsteskrivelse", report)])]);

        var pack = draft.Assemble(new PdfPackFrontMatter(front, "Kallelse"), "Kallelse");

        using var pdf = PdfDocument.Open(pack.Pdf);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        catalog.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("the kallelse page's structure tree must survive");
        catalog.Data.ContainsKey("MarkInfo").ShouldBeTrue();
        PageDictionary(pdf, 1).ContainsKey(NameToken.StructParents).ShouldBeTrue("the kallelse page's content stays tied to its tags");
        PageDictionary(pdf, CountPages(front) + 1).ContainsKey(NameToken.StructParents).ShouldBeFalse("imported pages lose their tags (ADR 0001)");
    }

    [Fact]
    public async Task A_part_printed_for_a_pack_has_its_header_but_no_page_numbers_of_its_own()
    {
        var part = await RenderReportAsync("Årsbokslut", "Förvaltningen föreslår att nämnden godkänner årsbokslutet.");

        using var pdf = PdfDocument.Open(part);
        pdf.GetPage(1).Text.ShouldContain("KALLELSE 2026-12-09");
        pdf.GetPage(1).Text.ShouldNotContain("Sida 1 av");
    }

    [Fact]
    public void Checksum_is_stable_and_tells_inputs_apart()
    {
        var a = PdfPackChecksum.Of("tjänsteskrivelse", 3, new byte[] { 1, 2 }, new DateOnly(2026, 12, 9));
        a.ShouldBe(PdfPackChecksum.Of("tjänsteskrivelse", 3, new byte[] { 1, 2 }, new DateOnly(2026, 12, 9)));
        a.Length.ShouldBe(64);
        PdfPackChecksum.Of("ab", "c").ShouldNotBe(PdfPackChecksum.Of("a", "bc"));
        PdfPackChecksum.Of("tjänsteskrivelse", 3, new byte[] { 1, 3 }, new DateOnly(2026, 12, 9)).ShouldNotBe(a);
    }

    private Task<byte[]> RenderReportAsync(string title, string summaryHtml) =>
        fixture.Renderer.RenderAsync(
            new OfficerReportDocumentModel(
                "Exempelby kommun", "Socialförvaltningen", "Omsorgsnämnden", "OMN-2026-17", title, new DateOnly(2026, 11, 20),
                "Karin Lind", "Utredare", null, null, ["Nämnden godkänner förslaget."], summaryHtml, "<p>Bakgrund.</p>", [], [], []),
            PartLayout);

    /// <summary>An attachment of <paramref name="pages"/> pages, each saying "{name}, sida n" with a footer of its own.</summary>
    internal static byte[] Attachment(string name, int pages)
    {
        PdfSharpFonts.EnsureRegistered();
        using var document = new SharpDocument();
        var font = new XFont("DejaVu Sans", 11);
        for (var n = 1; n <= pages; n++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawString($"{name}, sida {n}", font, XBrushes.Black, 70, 100);
            graphics.DrawString($"Bilagans sidfot {n} / {pages}", font, XBrushes.Black, page.Width.Point - 200, page.Height.Point - 28);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Encrypted(byte[] pdf, string? userPassword)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.SecuritySettings.OwnerPassword = "ägare";
        if (userPassword is not null)
        {
            document.SecuritySettings.UserPassword = userPassword;
        }

        document.SecuritySettings.PermitPrint = false;
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>The page's words joined by single spaces, as a reader hears them (lines of a wrapped paragraph are joined).</summary>
    private static string Words(PdfDocument pdf, int number) => string.Join(' ', pdf.GetPage(number).GetWords().Select(w => w.Text));

    private static int PageOf(BookmarkNode node) => node is DocumentBookmarkNode d ? d.PageNumber : 0;

    private static DictionaryToken PageDictionary(PdfDocument pdf, int number) => pdf.GetPage(number).Dictionary;
}
