using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 10's meeting reader (läsläge): the demo ledamot opens the next Omsorgsnämnden meeting's handlingar from Mina
/// sammanträden, reads the first document in pdf.js, steps to the next by keyboard, jumps to a page and finds a word
/// of a demo handling; at tablet width the agenda folds behind a button; a member of another organ is refused.
/// </summary>
[Collection(PortalGroup.Name)]
public partial class ReaderJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Member_reads_the_next_meetings_handlingar_steps_by_keyboard_jumps_to_a_page_and_finds_a_word()
    {
        var page = await portal.Browser.NewPageAsync(1920, 1080);
        // pdf.js runs under the portal's one CSP (script-src 'self', no eval): the browser reports no violation.
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = ReadOmsorgsnamnden() }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Läsläge: Omsorgsnämnden");
        await Journey.WaitForInteractiveAsync(page);

        // The first document's first page is drawn, and the page count is shown.
        var title = page.GetByTestId("reader-document-title");
        var status = page.GetByTestId("reader-page-status");
        await Expect(page.Locator("[data-testid='pdf-viewer'] .page[data-page-number='1'] canvas")).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync(PageOfPages());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kortkommandon" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var first = await title.TextContentAsync();

        // Alt+Page Down: the next document, drawn in its turn. Step on until one with at least two pages.
        var pages = 0;
        for (var step = 0; step < 12 && pages < 2; step++)
        {
            var before = await title.TextContentAsync();
            await page.Keyboard.PressAsync("Alt+PageDown");
            await Expect(title).Not.ToHaveTextAsync(before!);
            await Expect(status).ToHaveTextAsync(PageOfPages());
            pages = int.Parse(PageOfPages().Match((await status.TextContentAsync())!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        (await title.TextContentAsync()).ShouldNotBe(first);
        pages.ShouldBeGreaterThanOrEqualTo(2, "a demo handling of two pages or more lies on the agenda");
        await page.GetByLabel("Gå till sida").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gå", Exact = true }).ClickAsync();
        await Expect(status).ToHaveTextAsync(new Regex("^Sida 2 av "));
        await Expect(page.Locator("[data-testid='pdf-viewer'] .page[data-page-number='2'] canvas")).ToBeVisibleAsync();

        // Search in the meeting's documents: a word of the avgiftstaxa opens that handling. The text is extracted by a
        // background job after start-up, so the search is repeated until it has run.
        var search = page.GetByRole(AriaRole.Region, new() { Name = "Sök i handlingarna" });
        var hit = search.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Förslag till avgiftstaxa 2027") });
        for (var attempt = 0; attempt < 20 && await hit.CountAsync() == 0; attempt++)
        {
            await search.GetByLabel("Sökord").FillAsync("trygghetslarm");
            await search.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
            await page.WaitForTimeoutAsync(1_000);
        }

        await hit.First.ClickAsync();
        await Expect(title).ToContainTextAsync("Förslag till avgiftstaxa 2027");
        await Expect(page.Locator("[data-testid='pdf-viewer'] .textLayer").Filter(new() { HasText = "Trygghetslarm" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='pdf-viewer'] .textLayer .highlight").First).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync("Sida 2 av 2");

        // Selecting text in the document hands the page and the quote to the notes panel.
        var word = page.Locator("[data-testid='pdf-viewer'] .page[data-page-number='2'] .textLayer span").Filter(new() { HasText = "Trygghetslarm" }).First;
        await word.SelectTextAsync();
        await Expect(page.GetByTestId("reader-selection")).ToContainTextAsync("markerad text på sida 2");
        await Expect(page.GetByTestId("reader-selection")).ToContainTextAsync("Trygghetslarm");
        violations.ShouldBeEmpty();
        await Journey.ExpectNoErrorBannerAsync(page);
    }

    [Fact]
    public async Task At_tablet_width_the_agenda_folds_behind_a_button_and_a_member_of_another_organ_is_refused()
    {
        var page = await portal.Browser.NewPageAsync(768, 1024);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = ReadOmsorgsnamnden() }).First.ClickAsync();
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid='pdf-viewer'] .page[data-page-number='1'] canvas")).ToBeVisibleAsync();
        var readerUrl = page.Url;

        var agenda = page.GetByRole(AriaRole.Navigation, new() { Name = "Föredragningslista" });
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Visa föredragningslistan" });
        await Expect(agenda).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await toggle.ClickAsync();
        await Expect(agenda).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dölj föredragningslistan" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Erika sits on Social- och utbildningsnämnden only: the Omsorgsnämnden reader is not hers to open.
        var other = await portal.Browser.NewPageAsync(768, 1024);
        await Journey.LogInAsync(other, portal.App.BaseUrl, "ersattare@exempelby.se");
        await other.GotoAsync(readerUrl);
        await Journey.WaitForInteractiveAsync(other);
        await Expect(other.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Sammanträdet finns inte, eller så saknar du behörighet att se det.");
        await Expect(other.Locator("[data-testid='pdf-viewer']")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^Sida 1 av (\d+)$")]
    private static partial Regex PageOfPages();

    [GeneratedRegex("^Läs handlingarna, Omsorgsnämnden")]
    private static partial Regex ReadOmsorgsnamnden();
}
