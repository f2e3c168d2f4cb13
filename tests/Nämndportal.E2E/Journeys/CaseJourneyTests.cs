using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>Issue 4's journey: a case officer prepares a case; a member of another organ can neither find nor open it.</summary>
[Collection(PortalGroup.Name)]
public partial class CaseJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Case_officer_prepares_a_case_and_a_member_of_another_organ_cannot_reach_it()
    {
        var officer = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(officer, portal.App.BaseUrl, "handlaggare@exempelby.se");
        await Journey.WaitForInteractiveAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Ärenden" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // Register: the only organ she may register for is chosen, she is the officer, the number comes from the series.
        await Journey.WaitForInteractiveAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera ärende" }).ClickAsync();
        await officer.GetByLabel("Ärendemening").FillAsync("Hemtjänstens nattpatrull i Norrby");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Hemtjänstens nattpatrull i Norrby", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("case-number")).ToHaveTextAsync(new Regex(@"^OMF-\d{4}-\d+$"));
        var caseUrl = officer.Url;
        await Journey.WaitForInteractiveAsync(officer);
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // Status: Registrerat → Under beredning → Klart för beslut, each on the timeline.
        await ChangeStatusAsync(officer, "Under beredning");
        await ChangeStatusAsync(officer, "Klart för beslut");
        await Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Status ändrades från under beredning till klart för beslut.");
        await Journey.ExpectNoErrorBannerAsync(officer);

        // A member of another organ (Erika is ersättare in SUN only): not in her list, and the URL answers as if it did not exist.
        var outsider = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(outsider, portal.App.BaseUrl, "ersattare@exempelby.se");
        await outsider.GotoAsync(portal.App.BaseUrl + "/arenden");
        await Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Expect(outsider.GetByText("Hemtjänstens nattpatrull i Norrby")).ToHaveCountAsync(0);
        await outsider.GotoAsync(caseUrl);
        await Expect(outsider.GetByRole(AriaRole.Alert)).ToContainTextAsync("finns inte, eller så saknar du behörighet");
        await Expect(outsider.GetByText("Hemtjänstens nattpatrull i Norrby")).ToHaveCountAsync(0);
    }

    private static async Task ChangeStatusAsync(IPage page, string status)
    {
        await page.GetByLabel("Ny status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra status" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Ärendet har nu status {status}." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync(status);
    }
}
