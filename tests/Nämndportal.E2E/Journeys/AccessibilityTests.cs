using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>WCAG 2.1 AA: axe finds no serious or critical violation; the pages work by keyboard and at 768 px.</summary>
[Collection(PortalGroup.Name)]
public class AccessibilityTests(PortalFixture portal)
{
    [Fact]
    public async Task The_axe_scan_fails_on_a_page_with_serious_violations()
    {
        // The scan every journey relies on: a picture without alt text and a button without a name must fail it.
        var page = await portal.Browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="sv"><head><title>Nämndportal</title></head>
            <body><main><h1>Prov</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>
            """);
        string? failure = null;
        try
        {
            await AssertNoSeriousViolationsAsync(page);
        }
        catch (ShouldAssertException e)
        {
            // Caught by hand: Shouldly's own Should.ThrowAsync passes its assertion exceptions through.
            failure = e.Message;
        }

        failure.ShouldNotBeNull("the scan passed a page with two critical violations");
        failure.ShouldContain("image-alt (critical)");
        failure.ShouldContain("button-name (critical)");
    }

    [Fact]
    public async Task Login_page_has_no_serious_or_critical_axe_violations()
    {
        var page = await portal.Browser.NewPageAsync();
        await page.GotoAsync(portal.App.BaseUrl + "/konto/logga-in");
        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Start_page_has_no_serious_or_critical_axe_violations()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Meeting_page_with_its_agenda_checks_and_kallelse_has_no_serious_or_critical_axe_violations()
    {
        // The demo's next Omsorgsnämnden meeting: a nine-item agenda, its checks and the kallelse section.
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Kommande sammanträden" });
        await upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Omsorgsnämnden" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Omsorgsnämnden, sammanträde", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kallelse", Level = 2 })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Keyboard_user_logs_in_lands_on_the_heading_and_can_skip_to_the_main_content()
    {
        var page = await portal.Browser.NewPageAsync();
        await page.GotoAsync(portal.App.BaseUrl + "/konto/logga-in");

        // Blazor puts focus on the page's heading after each navigation, so screen readers start at the content.
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Logga in");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "email");
        await page.Keyboard.TypeAsync("ersattare@exempelby.se");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Journey.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Mina sammanträden");
        await Journey.WaitForInteractiveAsync(page);

        // The skip link is the first stop in the tab order and moves focus past the menu to the main content.
        var firstFocusable = await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent.trim()");
        firstFocusable.ShouldBe("Hoppa till huvudinnehållet");
        await page.Locator(".skip-link").FocusAsync();
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "main");
    }

    [Fact]
    public async Task Start_page_fits_a_768_pixel_wide_screen_with_the_menu_reachable()
    {
        var page = await portal.Browser.NewPageAsync(width: 768, height: 1024);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page must not scroll sideways at 768 px");

        // Below the drawer's breakpoint the menu starts closed and opens from the menu button.
        await Journey.WaitForInteractiveAsync(page);
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Visa eller dölj menyn" });
        await Expect(menuButton).ToBeVisibleAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await menuButton.ClickAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mina sammanträden" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }

    private static Task AssertNoSeriousViolationsAsync(IPage page) => Accessibility.AssertNoSeriousViolationsAsync(page);
}
