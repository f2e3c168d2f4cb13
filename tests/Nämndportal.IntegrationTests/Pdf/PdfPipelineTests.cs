using Nämndportal.Application.Pdf;
using Nämndportal.Application.Samples;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Nämndportal.IntegrationTests.Pdf;

public class PdfPipelineTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private static readonly PdfLayout Layout = new("Kallelse – Omsorgsnämnden", "Omsorgsnämnden i Exempelby kommun", "KALLELSE 2026-12-09", "Exempelby kommun");

    /// <summary>
    /// A kallelse whose pages are known without asking the code under test: a cover page with the agenda, then three
    /// items so short that each fills exactly the page it starts on (every item starts on a new page).
    /// </summary>
    private static readonly SampleDocumentModel ThreeShortItems = new(
        "Omsorgsnämnden i Exempelby kommun",
        new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero),
        "Kommunhuset, sammanträdesrum Björken",
        [
            new SampleSection(1, "Val av justerare", ["Nämnden utser en justerare."]),
            new SampleSection(2, "Årsbokslut 2025", ["Förvaltningen redovisar årsbokslutet för åäö-verksamheten."]),
            new SampleSection(3, "Fastställande av bidragsbelopp", ["Bidragsbeloppen för 2026 fastställs."]),
        ]);

    private const int ThreeShortItemsPages = 4;

    [Fact]
    public async Task Sample_kallelse_prints_with_text_header_and_page_X_of_Y_on_every_page()
    {
        var bytes = await fixture.Renderer.RenderAsync(ThreeShortItems, Layout);

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBe(ThreeShortItemsPages);
        var pages = pdf.GetPages().ToList();
        var first = pages[0].Text;
        first.ShouldContain("Kallelse");
        first.ShouldContain("Kommunhuset, sammanträdesrum Björken");
        first.ShouldContain("onsdag 9 december 2026 kl. 13.00");
        first.ShouldContain("Omsorgsnämnden i Exempelby kommun");
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Text.ShouldContain($"Sida {i + 1} av {ThreeShortItemsPages}");
            pages[i].Text.ShouldContain("KALLELSE 2026-12-09");
        }

        pages[1].Text.ShouldContain("1. Val av justerare");
        pages[2].Text.ShouldContain("åäö-verksamheten");
        pages[3].Text.ShouldContain("Bidragsbeloppen för 2026 fastställs.");
    }

    [Fact]
    public async Task Printed_document_is_tagged_has_an_outline_and_a_title()
    {
        var bytes = await fixture.Renderer.RenderAsync(ThreeShortItems, Layout);

        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        catalog.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("the PDF must be tagged: it has a structure tree");
        catalog.Data.ContainsKey("MarkInfo").ShouldBeTrue("the PDF must say it is tagged (/MarkInfo)");
        var markInfo = Resolve(pdf, catalog.Data["MarkInfo"]).ShouldBeOfType<DictionaryToken>();
        Resolve(pdf, markInfo.Data["Marked"]).ShouldBeOfType<BooleanToken>().Data.ShouldBeTrue("/MarkInfo /Marked true");
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden");
        Outline(pdf).ShouldBe(
        [
            ("Kallelse", 1), ("Ärenden", 1), ("1. Val av justerare", 2), ("2. Årsbokslut 2025", 3), ("3. Fastställande av bidragsbelopp", 4),
        ]);
    }

    [Fact]
    public async Task Html_is_Swedish_for_hyphenation_and_encodes_text()
    {
        var model = new SampleAttachmentModel("Nämnd <script>alert(1)</script>", new SampleSection(1, "Titel", ["Stycke"]));
        var html = await fixture.Renderer.RenderHtmlAsync(model, Layout);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"sv\">");
        html.ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Merged_pack_keeps_every_page_the_outline_and_the_title_and_stamp_marks_each_page()
    {
        var tools = new PdfPigTools();
        var main = await fixture.Renderer.RenderAsync(ThreeShortItems, Layout);
        var attachment = await fixture.Renderer.RenderAsync(
            new SampleAttachmentModel("Omsorgsnämnden", new SampleSection(1, "Årsbokslut", ["Bilagans text om åäö."])), Layout with { Title = "Bilaga till ärende 1" });

        var merged = tools.Merge([main, attachment]);
        var stamped = tools.Stamp(merged, "Justerat 2026-12-18 – åäö");

        // The kallelse's four pages, then the bilaga's one.
        const int expectedPages = ThreeShortItemsPages + 1;
        using var pdf = PdfDocument.Open(stamped);
        pdf.NumberOfPages.ShouldBe(expectedPages);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain("Justerat 2026-12-18 – åäö");
        }

        pdf.GetPage(expectedPages).Text.ShouldContain("Bilagans text om åäö.");
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden", "the pack is called what its first document is called");
        var outline = Outline(pdf);
        outline.Take(5).ShouldBe(
        [
            ("Kallelse", 1), ("Ärenden", 1), ("1. Val av justerare", 2), ("2. Årsbokslut 2025", 3), ("3. Fastställande av bidragsbelopp", 4),
        ]);
        outline.Skip(5).ShouldAllBe(entry => entry.Page == expectedPages, "the bilaga's headings point at its page, after the kallelse's");
        outline.Skip(5).ShouldNotBeEmpty();
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) => token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>Every bookmark, depth first, with the page it opens.</summary>
    internal static List<(string Title, int Page)> Outline(PdfDocument pdf)
    {
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the PDF must have an outline");
        return bookmarks.GetNodes().Select(n => (n.Title, n is DocumentBookmarkNode d ? d.PageNumber : 0)).ToList();
    }
}
