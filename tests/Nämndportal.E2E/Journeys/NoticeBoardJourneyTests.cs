using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>The public anslagstavla as the public meets it: no login, and no JavaScript needed (rules 17 and 25).</summary>
[Collection(PortalGroup.Name)]
public class NoticeBoardJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Rule25_Visitor_without_login_or_JavaScript_reads_fullmaktiges_kallelse_and_finds_the_accessibility_statement()
    {
        var context = await portal.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        // The demo seeder sent fullmäktige's kallelse at start-up; its sending job puts it on the board in the background.
        var notice = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Kallelse till Kommunfullmäktige \\d{4}-\\d{2}-\\d{2}$") });
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(portal.App.BaseUrl + "/anslagstavla");
            if (await notice.CountAsync() > 0)
            {
                break;
            }

            await page.WaitForTimeoutAsync(2_000);
        }

        await Expect(page).ToHaveURLAsync(new Regex("/anslagstavla$"), new() { Timeout = 5_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anslagstavla", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Exempelby kommun").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga ut" })).ToHaveCountAsync(0);
        await Expect(notice).ToBeVisibleAsync();
        var item = page.Locator(".posting").Filter(new() { Has = notice });
        await Expect(item).ToContainTextAsync("Sessionssalen, Stadshuset");
        await Expect(item).ToContainTextAsync("klockan 18.30");

        await notice.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Kallelse till Kommunfullmäktige"), Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Information om budget 2027 och verksamhetsplan 2027–2029" })).ToBeVisibleAsync();
        var noticeUrl = page.Url;

        // The public pack the sending printed is the notice's file, served without login.
        var fileLink = page.Locator($"a[href='{new Uri(noticeUrl).AbsolutePath}/fil']");
        await Expect(fileLink).ToHaveCountAsync(1);
        var pack = await context.APIRequest.GetAsync(noticeUrl + "/fil");
        pack.Status.ShouldBe(200);
        pack.Headers["content-type"].ShouldStartWith("application/pdf");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tillgänglighetsredogörelse", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tillsyn" })).ToBeVisibleAsync();
        await context.CloseAsync();

        // axe runs as a script in the page, so the scan uses an ordinary browser; the pages are the same static HTML.
        var scanner = await portal.Browser.NewPageAsync();
        var circuitRequests = new List<string>();
        scanner.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuitRequests.Add(request.Url);
            }
        };
        foreach (var url in new[] { portal.App.BaseUrl + "/anslagstavla", noticeUrl, portal.App.BaseUrl + "/tillganglighet" })
        {
            await scanner.GotoAsync(url);
            await scanner.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await Accessibility.SeriousViolationsAsync(scanner)).ShouldBeEmpty();
        }

        circuitRequests.ShouldBeEmpty("the public pages are static: no circuit is started");
        await scanner.Context.CloseAsync();
    }

    [Fact]
    public async Task Rule17_The_anslagstavla_is_easy_to_find_from_the_portal_menu_and_kept_apart_from_the_portal()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anslagstavla" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anslagstavla", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/anslagstavla$"));
        // The public layout, not the portal's: no menu of the portal on the board.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ärenden" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
