using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 10's private notes and read marks in the meeting reader: a member notes a quote, finds it after a reload, and
/// nobody else sees it (a colleague of the same organ, the secretary) until the member shares it, and not after the
/// share is withdrawn; after the secretary uploads a new version of the handling the note has moved with its quote and
/// the handling says "ändrad sedan du läste"; three documents read with the keyboard only; Mina anteckningar.
/// </summary>
[Collection(PortalGroup.Name)]
public partial class ReaderNotesJourneyTests(PortalFixture portal)
{
    /// <summary>Omsorgsnämnden's ordförande, who has a demo login of their own (DemoReaderContent).</summary>
    private const string ColleagueEmail = "sara.westerlund@exempelby.se";

    [Fact]
    public async Task A_note_on_selected_text_survives_a_reload_and_only_the_members_it_is_shared_with_see_it()
    {
        var text = $"Fråga om remissvaren {Guid.NewGuid():N}"[..32];
        var lars = await OpenReaderAsync("ledamot@exempelby.se");
        var readerUrl = lars.Url;
        await OpenDocumentAsync(lars, "Motion om trygghetsboende i Norrby");

        // Lars selects a piece of page 1 and writes a note on it.
        var quote = await SelectSomeTextAsync(lars, 1);
        var notes = lars.GetByTestId("reader-notes");
        await Expect(notes.GetByTestId("reader-selection")).ToContainTextAsync("markerad text på sida 1");
        await Expect(notes.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^markerad text") })).ToBeCheckedAsync();
        await notes.GetByLabel("Ny anteckning").FillAsync(text);
        await notes.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
        var note = notes.GetByTestId("reader-note").Filter(new() { HasText = text });
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync("sida 1");
        await Expect(note).ToContainTextAsync(quote);

        // After a reload the note is still there, on its item and page.
        await lars.ReloadAsync();
        await Journey.WaitForInteractiveAsync(lars);
        await OpenDocumentAsync(lars, "Motion om trygghetsboende i Norrby");
        await Expect(note).ToBeVisibleAsync();
        await Expect(lars.GetByRole(AriaRole.Navigation, new() { Name = "Föredragningslista" }).GetByTestId("reader-item-marks").Filter(new() { HasText = "anteckning" }).First)
            .ToBeVisibleAsync();

        // A colleague of the same organ and the organ's secretary read the same handling and do not see it.
        var colleague = await OpenReaderAsync(ColleagueEmail, readerUrl);
        await OpenDocumentAsync(colleague, "Motion om trygghetsboende i Norrby");
        await Expect(colleague.GetByTestId("reader-notes")).ToBeVisibleAsync();
        await Expect(colleague.GetByText(text)).ToHaveCountAsync(0);
        var secretary = await OpenReaderAsync("sekreterare@exempelby.se", readerUrl);
        await OpenDocumentAsync(secretary, "Motion om trygghetsboende i Norrby");
        await Expect(secretary.GetByTestId("reader-notes")).ToBeVisibleAsync();
        await Expect(secretary.GetByText(text)).ToHaveCountAsync(0);

        // Lars shares it with the colleague by name: the note says so, and the colleague sees it, marked as Lars's.
        await note.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Dela anteckningen") }).ClickAsync();
        var shareWith = note.GetByLabel("Dela med");
        var colleagueName = (await shareWith.Locator("option").Nth(1).TextContentAsync())!.Trim();
        await shareWith.SelectOptionAsync(new SelectOptionValue { Label = colleagueName });
        await note.GetByRole(AriaRole.Button, new() { Name = "Dela", Exact = true }).ClickAsync();
        await Expect(note.GetByTestId("reader-note-shared")).ToHaveTextAsync($"Delad med {colleagueName}");
        await colleague.ReloadAsync();
        await Journey.WaitForInteractiveAsync(colleague);
        await OpenDocumentAsync(colleague, "Motion om trygghetsboende i Norrby");
        var shared = colleague.GetByTestId("reader-note").Filter(new() { HasText = text });
        await Expect(shared).ToContainTextAsync("Delad av Lars Ledamot");
        await Expect(shared.GetByRole(AriaRole.Button, new() { Name = "Ändra" })).ToHaveCountAsync(0);

        // Lars withdraws the share: the colleague no longer sees the note.
        await note.GetByRole(AriaRole.Button, new() { Name = $"Sluta dela med {colleagueName}" }).ClickAsync();
        await Expect(note.GetByTestId("reader-note-shared")).ToHaveCountAsync(0);
        await colleague.ReloadAsync();
        await Journey.WaitForInteractiveAsync(colleague);
        await OpenDocumentAsync(colleague, "Motion om trygghetsboende i Norrby");
        await Expect(colleague.GetByTestId("reader-notes")).ToBeVisibleAsync();
        await Expect(colleague.GetByText(text)).ToHaveCountAsync(0);

        // The handling and the whole members' pack download as PDFs (stamped with Lars's name: ReaderFileTests). The pack
        // is printed by the kallelse's sending job after the portal started: reload until its link is there.
        await lars.GotoAsync(readerUrl);
        await Journey.WaitForInteractiveAsync(lars);
        for (var attempt = 0; attempt < 60 && await lars.GetByTestId("reader-pack-download").CountAsync() == 0; attempt++)
        {
            await lars.WaitForTimeoutAsync(2_000);
            await lars.ReloadAsync();
            await Journey.WaitForInteractiveAsync(lars);
        }

        await OpenDocumentAsync(lars, "Motion om trygghetsboende i Norrby");
        foreach (var link in new[] { "reader-document-download", "reader-pack-download" })
        {
            var href = await lars.GetByTestId(link).GetAttributeAsync("href");
            var response = await lars.Context.APIRequest.GetAsync(portal.App.BaseUrl + href);
            response.Status.ShouldBe(200, link);
            response.Headers["content-type"].ShouldBe("application/pdf");
            (await response.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        }

        // Mina anteckningar lists and finds it; the page passes axe.
        await lars.GotoAsync(portal.App.BaseUrl + "/anteckningar");
        await Journey.WaitForInteractiveAsync(lars);
        await lars.GetByLabel("Sök i anteckningarna").FillAsync(text[^10..]);
        await lars.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await Expect(lars.GetByTestId("my-notes-count")).ToHaveTextAsync("1 anteckning");
        await Expect(lars.GetByTestId("my-note-row")).ToContainTextAsync(text);
        await Accessibility.AssertNoSeriousViolationsAsync(lars);
        await Journey.ExpectNoErrorBannerAsync(lars);
    }

    [Fact]
    public async Task After_the_secretary_uploads_a_new_version_the_note_has_moved_with_its_quote_and_the_handling_is_changed_since_read()
    {
        const string handling = "Revisionsrapport om hemtjänstens bemanning";
        var text = $"Jämför med förra året {Guid.NewGuid():N}"[..34];
        var lars = await OpenReaderAsync("ledamot@exempelby.se");
        var readerUrl = lars.Url;
        await OpenDocumentAsync(lars, handling);
        var agenda = lars.GetByRole(AriaRole.Navigation, new() { Name = "Föredragningslista" });
        var state = agenda.Locator(".reader-agenda-documents > li").Filter(new() { HasText = handling }).GetByTestId("reader-read-state");
        await Expect(state).ToHaveTextAsync("läst");

        // A note on a quote of page 2.
        await lars.GetByLabel("Gå till sida").FillAsync("2");
        await lars.GetByRole(AriaRole.Button, new() { Name = "Gå", Exact = true }).ClickAsync();
        await Expect(lars.GetByTestId("reader-page-status")).ToHaveTextAsync(new Regex("^Sida 2 av "));
        var quote = await SelectSomeTextAsync(lars, 2);
        var notes = lars.GetByTestId("reader-notes");
        await Expect(notes.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^markerad text på sida 2") })).ToBeCheckedAsync();
        await notes.GetByLabel("Ny anteckning").FillAsync(text);
        await notes.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
        var note = notes.GetByTestId("reader-note").Filter(new() { HasText = text });
        await Expect(note).ToContainTextAsync("sida 2");
        await Expect(note).ToContainTextAsync(quote);

        // The secretary replaces the handling with a new version in which the quote stands on page 1.
        var secretary = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(secretary, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await secretary.GotoAsync(portal.App.BaseUrl + "/sok?q=" + Uri.EscapeDataString("Revisionsrapport hemtjänstens bemanning"));
        await secretary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("hemtjänstens bemanning") }).First.ClickAsync();
        await Journey.WaitForInteractiveAsync(secretary);
        var row = secretary.Locator(".documents-section tr").Filter(new() { HasText = handling });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ny version av handling") }).ClickAsync();
        var dialog = secretary.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Fil för den nya versionen").SetInputFilesAsync(new FilePayload
        {
            Name = "revisionsrapport-v2.pdf",
            MimeType = "application/pdf",
            Buffer = SwedishPdf($"Revisionsrapport, reviderad version. {quote}", "Bilaga: statistik över bemanningen"),
        });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara versionen" }).ClickAsync();
        await Expect(secretary.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        // The text of the new version is extracted and the note moved by background jobs: Lars reloads until it has.
        var moved = lars.GetByTestId("reader-note").Filter(new() { HasText = text }).GetByTestId("reader-note-flag");
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await lars.GotoAsync(readerUrl);
            await Journey.WaitForInteractiveAsync(lars);
            await Expect(state).ToBeVisibleAsync();
            if (await state.TextContentAsync() == "ändrad sedan du läste")
            {
                await OpenDocumentAsync(lars, handling, markedRead: false);
                if (await moved.CountAsync() > 0)
                {
                    break;
                }
            }

            await lars.WaitForTimeoutAsync(1_000);
        }

        await Expect(moved).ToHaveTextAsync(new Regex(@"^Flyttad till version \d+, sida 1$"));
        await Expect(lars.GetByTestId("reader-changed")).ToContainTextAsync("Ändrad sedan du läste");
        // Opening the new version read it.
        await Expect(state).ToHaveTextAsync("läst");
        await Journey.ExpectNoErrorBannerAsync(lars);
    }

    [Fact]
    public async Task A_member_reads_three_documents_with_the_keyboard_only()
    {
        var lars = await OpenReaderAsync("ledamot@exempelby.se");
        var title = lars.GetByTestId("reader-document-title");
        await Expect(lars.Locator("[data-testid='pdf-viewer'] .page[data-page-number='1'] canvas")).ToBeVisibleAsync();

        // Tab to the document itself (the agenda, toolbar and side panels come first or after: keys reach it).
        for (var presses = 0; presses < 150 && await lars.EvaluateAsync<string?>("() => document.activeElement?.dataset?.testid") != "pdf-viewer"; presses++)
        {
            await lars.Keyboard.PressAsync("Tab");
        }

        (await lars.EvaluateAsync<string?>("() => document.activeElement?.dataset?.testid")).ShouldBe("pdf-viewer");
        var titles = new List<string> { (await title.TextContentAsync())! };
        for (var step = 0; step < 2; step++)
        {
            await lars.Keyboard.PressAsync("Alt+PageDown");
            await Expect(title).Not.ToHaveTextAsync(titles[^1]);
            await Expect(lars.GetByTestId("reader-page-status")).ToHaveTextAsync(new Regex(@"^Sida 1 av \d+$"));
            await Expect(lars.Locator("[data-testid='pdf-viewer'] .page[data-page-number='1'] canvas")).ToBeVisibleAsync();
            titles.Add((await title.TextContentAsync())!);
            // Page Down reads on in the document that has the focus.
            await lars.Keyboard.PressAsync("PageDown");
        }

        titles.Distinct().Count().ShouldBe(3);
        // And back with Alt+Page Up to the second.
        await lars.Keyboard.PressAsync("Alt+PageUp");
        await Expect(title).ToHaveTextAsync(titles[1]);
        await Journey.ExpectNoErrorBannerAsync(lars);
    }

    private async Task<IPage> OpenReaderAsync(string email, string? readerUrl = null)
    {
        var page = await portal.Browser.NewPageAsync(1920, 1080);
        await Journey.LogInAsync(page, portal.App.BaseUrl, email);
        if (readerUrl is null)
        {
            await page.GetByRole(AriaRole.Link, new() { NameRegex = ReadOmsorgsnamnden() }).First.ClickAsync();
        }
        else
        {
            await page.GotoAsync(readerUrl);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Läsläge: Omsorgsnämnden");
        await Journey.WaitForInteractiveAsync(page);
        return page;
    }

    private static async Task OpenDocumentAsync(IPage page, string handling, bool markedRead = true)
    {
        var agenda = page.GetByRole(AriaRole.Navigation, new() { Name = "Föredragningslista" });
        await agenda.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(handling)) }).ClickAsync();
        await Expect(page.GetByTestId("reader-document-title")).ToContainTextAsync(handling);
        await Expect(page.GetByTestId("reader-page-status")).ToHaveTextAsync(new Regex(@"^Sida 1 av \d+$"));
        await Expect(page.Locator("[data-testid='pdf-viewer'] .page[data-page-number='1'] canvas")).ToBeVisibleAsync();
        if (markedRead)
        {
            await Expect(agenda.Locator(".reader-agenda-documents > li").Filter(new() { HasText = handling }).GetByTestId("reader-read-state")).ToHaveTextAsync("läst");
        }
    }

    /// <summary>Selects a span of some words in the text layer of <paramref name="pageNumber"/>; returns its text.</summary>
    private static async Task<string> SelectSomeTextAsync(IPage page, int pageNumber)
    {
        var span = page.Locator($"[data-testid='pdf-viewer'] .page[data-page-number='{pageNumber}'] .textLayer span")
            .Filter(new() { HasTextRegex = new Regex("[A-Za-zÅÄÖåäöé]{4,} +[A-Za-zÅÄÖåäöé]{3,}") }).First;
        await Expect(span).ToBeVisibleAsync();
        await span.SelectTextAsync();
        return Regex.Replace((await span.TextContentAsync())!, @"\s+", " ").Trim();
    }

    /// <summary>A PDF with one line of text per page in DejaVu Sans (which has å, ä and ö, as the quote may).</summary>
    private static byte[] SwedishPdf(params string[] pageTexts)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        foreach (var text in pageTexts)
        {
            builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(text, 11, new PdfPoint(60, 720), font);
        }

        return builder.Build();
    }

    [GeneratedRegex("^Läs handlingarna, Omsorgsnämnden")]
    private static partial Regex ReadOmsorgsnamnden();
}
