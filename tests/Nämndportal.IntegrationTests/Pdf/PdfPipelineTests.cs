using Nämndportal.Application.Pdf;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Meetings;
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
    /// A kallelse page whose content is known without asking the code under test: three items, one with a page range, and
    /// contacts; short enough to fill one page.
    /// </summary>
    private static readonly NoticeDocumentModel ThreeItems = new(
        "Exempelby kommun",
        "Omsorgsnämnden i Exempelby kommun",
        new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero),
        null,
        "Kommunhuset, sammanträdesrum Björken",
        "S, V och MP 11.00 i Eken",
        "Pressinformation efter sammanträdet.",
        1,
        null,
        [
            new NoticeItemLine(1, "Val av justerare", null, null, null, false, false, null, null, []),
            new NoticeItemLine(2, "Årsbokslut 2025 för åäö-verksamheten", "OMF-2026-12", null, null, false, false, 2, 5, []),
            new NoticeItemLine(3, "Fastställande av bidragsbelopp", "OMF-2026-13", "Karin Lind", new TimeOnly(14, 0), false, true, 6, 6, []),
        ],
        [new NoticeContact("Anna Andersson", "ordförande", null, null), new NoticeContact("Sara Sekreterare", "nämndsekreterare", "sara@exempelby.se", "0240-123 45")],
        false);

    private static OfficerReportDocumentModel Report(string title, string summary) =>
        new("Exempelby kommun", "Omsorgsförvaltningen", "Omsorgsnämnden", "OMF-2026-12", title, new DateOnly(2026, 11, 20), "Karin Lind", "Utredare",
            null, null, ["godkänna årsbokslutet"], $"<p>{summary}</p>", "<h3>Bakgrund</h3><p>Bilagans text om åäö.</p>", [], [], ["Akten"]);

    [Fact]
    public async Task Kallelse_page_prints_with_text_header_and_page_X_of_Y()
    {
        var bytes = await fixture.Renderer.RenderAsync(ThreeItems, Layout);

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBe(1);
        var first = pdf.GetPage(1).Text;
        first.ShouldContain("KALLELSE");
        first.ShouldContain("Kommunhuset, sammanträdesrum Björken");
        first.ShouldContain("Onsdag 9 december 2026, kl. 13.00");
        first.ShouldContain("Årsbokslut 2025 för åäö-verksamheten");
        first.ShouldContain("2–5");
        first.ShouldContain("Extra ärende");
        first.ShouldContain("sara@exempelby.se");
        first.ShouldContain("Sida 1 av 1");
        first.ShouldContain("KALLELSE 2026-12-09");
    }

    [Fact]
    public async Task Printed_document_is_tagged_has_an_outline_and_a_title()
    {
        var bytes = await fixture.Renderer.RenderAsync(ThreeItems, Layout);

        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        catalog.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("the PDF must be tagged: it has a structure tree");
        catalog.Data.ContainsKey("MarkInfo").ShouldBeTrue("the PDF must say it is tagged (/MarkInfo)");
        var markInfo = Resolve(pdf, catalog.Data["MarkInfo"]).ShouldBeOfType<DictionaryToken>();
        Resolve(pdf, markInfo.Data["Marked"]).ShouldBeOfType<BooleanToken>().Data.ShouldBeTrue("/MarkInfo /Marked true");
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden");
        Outline(pdf).ShouldBe([("Omsorgsnämnden i Exempelby kommun", 1), ("Ärenden", 1)]);
    }

    [Fact]
    public async Task Html_is_Swedish_for_hyphenation_and_encodes_text()
    {
        var model = ThreeItems with { OrganName = "Nämnd <script>alert(1)</script>" };
        var html = await fixture.Renderer.RenderHtmlAsync(model, Layout);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"sv\">");
        html.ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Merged_pack_keeps_every_page_the_outline_and_the_title_and_stamp_marks_each_page()
    {
        var tools = new PdfPigTools();
        var main = await fixture.Renderer.RenderAsync(ThreeItems, Layout);
        var attachment = await fixture.Renderer.RenderAsync(Report("Årsbokslut", "Sammanfattningen."), Layout with { Title = "Tjänsteskrivelse OMF-2026-12" });

        var merged = tools.Merge([main, attachment]);
        var stamped = tools.Stamp(merged, "Justerat 2026-12-18 – åäö");

        using var attachmentPdf = PdfDocument.Open(attachment);
        var expectedPages = 1 + attachmentPdf.NumberOfPages;
        using var pdf = PdfDocument.Open(stamped);
        pdf.NumberOfPages.ShouldBe(expectedPages);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain("Justerat 2026-12-18 – åäö");
        }

        pdf.GetPage(2).Text.ShouldContain("TJÄNSTESKRIVELSE");
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden", "the pack is called what its first document is called");
        var outline = Outline(pdf);
        outline.Take(2).ShouldBe([("Omsorgsnämnden i Exempelby kommun", 1), ("Ärenden", 1)]);
        outline.Skip(2).ShouldAllBe(entry => entry.Page >= 2, "the tjänsteskrivelse's headings point at its pages, after the kallelse's");
        outline.Skip(2).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Spårbarhetsstämpel_is_small_grey_text_in_the_bottom_margin_of_every_page_and_the_document_stays_tagged()
    {
        var printed = new PdfPigTools().Merge([
            await fixture.Renderer.RenderAsync(ThreeItems, Layout),
            await fixture.Renderer.RenderAsync(Report("Årsbokslut", "Sammanfattningen."), Layout)]);
        var stamped = new PdfPigTools().StampFooter(printed, "Nedladdad av Åsa Öberg 2026-12-01 21.05");

        using var pdf = PdfDocument.Open(stamped);
        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain("Nedladdad av Åsa Öberg 2026-12-01 21.05");
            var stampLetters = page.Letters.Where(l => l.Value == "Å" && l.StartBaseLine.Y < 20).ToList();
            stampLetters.ShouldNotBeEmpty("the stamp is in the bottom margin, below the page's own footer");
            stampLetters.ShouldAllBe(l => l.PointSize < 8, "the stamp is small");
        }

        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden", "the document is stamped where it is, not copied");
        Outline(pdf).Take(2).ShouldBe([("Omsorgsnämnden i Exempelby kommun", 1), ("Ärenden", 1)]);
    }

    [Fact]
    public async Task Spårbarhetsstämpel_keeps_a_tagged_documents_structure_tree()
    {
        var stamped = new PdfPigTools().StampFooter(await fixture.Renderer.RenderAsync(ThreeItems, Layout), "Nedladdad av Lars Ledamot 2026-12-01 21.05");

        using var pdf = PdfDocument.Open(stamped);
        pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("a stamped download stays readable by a screen reader");
        pdf.GetPage(1).Text.ShouldContain("Nedladdad av Lars Ledamot 2026-12-01 21.05");
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) => token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>Every bookmark, depth first, with the page it opens.</summary>
    internal static List<(string Title, int Page)> Outline(PdfDocument pdf)
    {
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the PDF must have an outline");
        return bookmarks.GetNodes().Select(n => (n.Title, n is DocumentBookmarkNode d ? d.PageNumber : 0)).ToList();
    }
}
