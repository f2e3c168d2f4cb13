using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 9's meeting plan: the secretary plans a meeting for next year, opens it (the agenda starts with the organ's
/// standard items), moves it and cancels it with a reason, which the plan then shows.
/// </summary>
[Collection(PortalGroup.Name)]
public class MeetingPlanJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Secretary_plans_moves_and_cancels_a_meeting_and_the_plan_page_passes_axe()
    {
        var year = DateTime.UtcNow.Year + 1;
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sammanträdesplan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sammanträdesplan", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Visa {year}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "År" })).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt sammanträde" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Datum" }).FillAsync($"{year}-03-10");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Datum" }).PressAsync("Tab");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Plats" }).FillAsync("Kommunhuset, sammanträdesrum Eken");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till sammanträdet" }).ClickAsync();

        // The new meeting's page: the organ's standard items are already on the agenda.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("sammanträde");
        await Expect(page.GetByText("Val av justerare").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("meeting-facts")).ToContainTextAsync($"10 mars {year}");

        await page.GoBackAsync();
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Visa {year}" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"10 mars {year}" });
        await Expect(row).ToContainTextAsync("Kommunhuset, sammanträdesrum Eken");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Flytta sammanträdet {year}-03-10" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Datum" }).FillAsync($"{year}-03-17");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Datum" }).PressAsync("Tab");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Plats" }).FillAsync("Kommunhuset, sammanträdesrum Björken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Flytta sammanträdet", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sammanträdet är flyttat." })).ToBeVisibleAsync();
        var moved = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"17 mars {year}" });
        await Expect(moved).ToContainTextAsync("Björken");

        await moved.GetByRole(AriaRole.Button, new() { Name = $"Ställ in sammanträdet {year}-03-17" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ställ in sammanträdet", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange varför sammanträdet ställs in.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Skäl" }).FillAsync("Inga ärenden är klara för beslut.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ställ in sammanträdet", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sammanträdet är inställt." })).ToBeVisibleAsync();
        await Expect(moved).ToContainTextAsync("Inställt");
        await Expect(moved).ToContainTextAsync("Skäl: Inga ärenden är klara för beslut.");
        await Journey.ExpectNoErrorBannerAsync(page);
    }
}
