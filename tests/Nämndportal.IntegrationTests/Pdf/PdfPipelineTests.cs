using Nämndportal.Application.Pdf;
using Nämndportal.Application.Samples;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Nämndportal.IntegrationTests.Pdf;

public class PdfPipelineTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private static readonly PdfLayout Layout = new("Kallelse – Omsorgsnämnden", "Omsorgsnämnden i Exempelby kommun", "KALLELSE 2026-12-09", "Exempelby kommun");

    [Fact]
    public async Task Sample_kallelse_prints_with_text_header_and_page_X_of_Y_on_every_page()
    {
        var model = SampleDocumentFactory.Create(sections: 3);

        var bytes = await fixture.Renderer.RenderAsync(model, Layout);

        using var pdf = PdfDocument.Open(bytes);
        // A cover page with the agenda, then every item on a page of its own (at least).
        pdf.NumberOfPages.ShouldBeGreaterThanOrEqualTo(4);
        var pages = pdf.GetPages().ToList();
        var first = pages[0].Text;
        first.ShouldContain("Kallelse");
        first.ShouldContain("Kommunhuset, sammanträdesrum Björken");
        first.ShouldContain("onsdag 9 december 2026 kl. 13.00");
        first.ShouldContain("Omsorgsnämnden i Exempelby kommun");
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Text.ShouldContain($"Sida {i + 1} av {pages.Count}");
            pages[i].Text.ShouldContain("KALLELSE 2026-12-09");
        }

        string.Concat(pages.Select(p => p.Text)).ShouldContain("Fastställande av bidragsbelopp");
    }

    [Fact]
    public async Task Printed_document_is_tagged_has_an_outline_and_a_title()
    {
        var bytes = await fixture.Renderer.RenderAsync(SampleDocumentFactory.Create(sections: 2), Layout);

        using var pdf = PdfDocument.Open(bytes);
        pdf.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.StructTreeRoot).ShouldBeTrue("the PDF must be tagged");
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the PDF must have an outline");
        bookmarks.GetNodes().Select(n => n.Title).ShouldContain(t => t.Contains("Årsbokslut", StringComparison.Ordinal));
        pdf.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden");
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
    public async Task Merged_pack_keeps_every_page_and_stamp_marks_each_page()
    {
        var tools = new PdfPigTools();
        var main = await fixture.Renderer.RenderAsync(SampleDocumentFactory.Create(sections: 2), Layout);
        var attachment = await fixture.Renderer.RenderAsync(
            new SampleAttachmentModel("Omsorgsnämnden", new SampleSection(1, "Årsbokslut", ["Bilagans text om åäö."])), Layout);

        var merged = tools.Merge([main, attachment]);
        var stamped = tools.Stamp(merged, "Justerat 2026-12-18 – åäö");

        var expectedPages = tools.CountPages(main) + tools.CountPages(attachment);
        using var pdf = PdfDocument.Open(stamped);
        pdf.NumberOfPages.ShouldBe(expectedPages);
        foreach (var page in pdf.GetPages())
        {
            page.Text.ShouldContain("Justerat 2026-12-18 – åäö");
        }

        pdf.GetPage(expectedPages).Text.ShouldContain("Bilagans text om åäö.");
    }
}
