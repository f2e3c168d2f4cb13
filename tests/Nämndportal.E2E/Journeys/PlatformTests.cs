using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>The portal as ./dev.sh run starts it: a clean first-run log, real Kestrel's headers, no errors when a user hurries.</summary>
[Collection(PortalGroup.Name)]
public partial class PlatformTests(PortalFixture portal)
{
    [Fact]
    public void First_run_on_an_empty_database_logs_no_error_line()
    {
        // The shared portal started on a database created empty for this run: migrations and demo data ran.
        portal.App.StartupOutput.ShouldContain("Demo data seeded");
        var errors = ErrorLine().Matches(portal.App.StartupOutput).Select(m => m.Value).ToList();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header_and_the_pages_their_security_headers()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(portal.App.BaseUrl + "/konto/logga-in");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("script-src 'self';");
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_working_pages_run_under_the_content_security_policy_without_violations()
    {
        var page = await portal.Browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        await Journey.LogInAsync(page, portal.App.BaseUrl, "handlaggare@exempelby.se");
        await page.GotoAsync(portal.App.BaseUrl + "/arenden");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("main a[href^='/arenden/']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/arenden/[0-9a-f-]{36}$"));
        await Journey.ExpectNoErrorBannerAsync(page);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Leaving_a_page_while_it_loads_logs_no_error()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        var before = portal.App.Output.Length;

        // Away from the start page and the case list before their circuits have loaded them, again and again.
        for (var i = 0; i < 6; i++)
        {
            await page.GotoAsync(portal.App.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
            await page.GotoAsync(portal.App.BaseUrl + "/arenden", new() { WaitUntil = WaitUntilState.Commit });
        }

        await page.GotoAsync(portal.App.BaseUrl + "/");
        await Journey.ExpectNoErrorBannerAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden" })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        var log = portal.App.Output[before..];
        ErrorLine().Matches(log).Select(m => m.Value).ToList().ShouldBeEmpty();
    }

    [GeneratedRegex(@"^.* (ERR|FTL)\] .*$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
