using System.Net;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// PostgreSQL stopped and started while a secretary works (issue 14). A cluster of the test's own is stopped at once, as a
/// crash or a careless restart stops it: the portal says it is not ready, every page says "Tillfälligt fel" in Swedish and
/// shows no stack trace, and when the database is back the portal recovers by itself, the login still valid.
/// That no save is half done is shown against the real database in RetryOutsideTransactionsTests and DiskFullTests.
/// </summary>
[Collection(PortalGroup.Name)]
public class DatabaseRestartTests(PortalFixture portal)
{
    private static readonly string[] NeverShown = ["Exception", "Npgsql", "   at ", "StackTrace", "127.0.0.1:"];

    [Fact]
    public async Task Database_stopped_gives_tillfalligt_fel_and_not_ready_and_the_portal_recovers_by_itself_when_it_starts()
    {
        var source = await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_restart");
        await using var cluster = await PrivateCluster.StartWithCopyAsync(source, "naemndportal");
        await using var app = await AppProcess.StartAsync(cluster.ConnectionString("naemndportal"));
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        (await http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var working = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(working, app.BaseUrl, "sekreterare@exempelby.se");
        await working.GotoAsync(app.BaseUrl + "/arenden");
        await Expect(working.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(working);

        await cluster.StopAsync();

        // The load balancer's question: live, but not ready.
        (await http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await http.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, app.OutputTail);

        // In the open page (its circuit lives without the database): a click that reads the database.
        await working.GetByRole(AriaRole.Link, new() { Name = "Sammanträdesplan" }).First.ClickAsync();
        var alert = working.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Tillfälligt fel" });
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(alert).ToContainTextAsync("Inget har sparats till hälften");
        await AssertNoInternalsAsync(working);

        // A page loaded anew: the Swedish page, 503 with Retry-After, the login cookie kept.
        var fresh = await working.Context.NewPageAsync();
        var response = await fresh.GotoAsync(app.BaseUrl + "/arenden");
        await Expect(fresh.GetByRole(AriaRole.Heading, new() { Name = "Tillfälligt fel", Level = 1 })).ToBeVisibleAsync();
        response!.Status.ShouldBe(503);
        (await response.HeaderValueAsync("retry-after")).ShouldBe("10");
        await AssertNoInternalsAsync(fresh);
        // A caller that asks for JSON (with the same login cookie) gets a Swedish problem+json.
        var json = await fresh.APIRequest.GetAsync(app.BaseUrl + "/arenden", new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
        json.Status.ShouldBe(503);
        var problem = await json.TextAsync();
        problem.ShouldContain("Tillfälligt fel");
        problem.ShouldContain("felkod");
        problem.ShouldNotContain("Npgsql");

        // The database comes back: nobody restarts the portal.
        await cluster.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the portal must become ready again by itself\n" + app.OutputTail);
            await Task.Delay(500);
        }

        await fresh.ReloadAsync();
        await Expect(fresh.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(fresh);
        await fresh.GetByRole(AriaRole.Link, new() { Name = "Sammanträdesplan" }).First.ClickAsync();
        await Expect(fresh.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Tillfälligt fel" })).ToHaveCountAsync(0);
        await Journey.ExpectNoErrorBannerAsync(fresh);

        // The log says what happened, as a warning without the connection's details, and no error with a stack trace.
        app.Output.ShouldContain("The database is unavailable");
        app.Output.ShouldNotContain("Password=");
    }

    private static async Task AssertNoInternalsAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var internals in NeverShown)
        {
            text.ShouldNotContain(internals);
        }
    }
}
