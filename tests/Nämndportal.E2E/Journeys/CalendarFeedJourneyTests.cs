using System.Net;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

[Collection(PortalGroup.Name)]
public class CalendarFeedJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Member_makes_a_calendar_address_a_calendar_app_reads_without_login_and_revokes_it()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kalenderprenumerationer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kalenderprenumerationer", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // "Mina sammanträden" is the first choice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa kalenderadress" }).ClickAsync();
        var created = page.GetByRole(AriaRole.Region, new() { Name = "Den nya kalenderadressen" });
        var addressBox = created.GetByLabel("Kalenderadress");
        await Expect(addressBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/kalender/[A-Za-z0-9_-]{43}\.ics$"));
        var address = await addressBox.InputValueAsync();
        var feeds = page.GetByRole(AriaRole.Region, new() { Name = "Mina kalenderadresser" });
        await Expect(feeds.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(feeds.GetByRole(AriaRole.Cell, new() { Name = "Mina sammanträden", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A calendar app: no cookie, no login.
        using var calendarApp = new HttpClient();
        var calendar = await calendarApp.GetAsync(address);
        calendar.StatusCode.ShouldBe(HttpStatusCode.OK);
        calendar.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await calendar.Content.ReadAsStringAsync();
        text.ShouldContain("BEGIN:VCALENDAR");
        text.ShouldContain("SUMMARY:Omsorgsnämnden sammanträder");

        await feeds.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Återkalla kalenderadressen för Mina sammanträden") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kalenderadressen för Mina sammanträden är återkallad.");
        await Expect(feeds.GetByText("Du har inga kalenderadresser.")).ToBeVisibleAsync();
        await Expect(created).ToHaveCountAsync(0);
        (await calendarApp.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Journey.ExpectNoErrorBannerAsync(page);
    }
}
