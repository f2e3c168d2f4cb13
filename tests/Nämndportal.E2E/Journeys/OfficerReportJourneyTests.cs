using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>The tjänsteskrivelse on the case page: written with the keyboard, cleaned on save, printed, and read by a member.</summary>
[Collection(PortalGroup.Name)]
public class OfficerReportJourneyTests(PortalFixture portal)
{
    // A case of her own, registered here: the demo cases come with their tjänsteskrivelser already written.
    private const string CaseTitle = "Handlingsplan mot ofrivillig ensamhet bland äldre";

    [Fact]
    public async Task Case_officer_writes_saves_and_prints_the_report_and_a_member_reads_it()
    {
        var officer = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(officer, portal.App.BaseUrl, "handlaggare@exempelby.se");
        await officer.GotoAsync(portal.App.BaseUrl + "/arenden");
        await Journey.WaitForInteractiveAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera ärende" }).ClickAsync();
        await officer.GetByLabel("Ärendemening").FillAsync(CaseTitle);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = CaseTitle, Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(officer);
        var summary = officer.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true });
        await Expect(summary).ToHaveAttributeAsync("contenteditable", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // Two att-satser, the second moved first.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till att-sats" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Textbox, new() { Name = "Att-sats 1" })).ToBeFocusedAsync();
        await officer.Keyboard.TypeAsync("anta verksamhetsplanen");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till att-sats" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Textbox, new() { Name = "Att-sats 2" })).ToBeFocusedAsync();
        await officer.Keyboard.TypeAsync("uppdra åt förvaltningen att följa upp planen");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Flytta att-sats 2 uppåt" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Textbox, new() { Name = "Att-sats 1" })).ToHaveValueAsync("uppdra åt förvaltningen att följa upp planen");

        // The summary with the keyboard only: Ctrl+B for bold, then Shift+Tab back through the toolbar to Punktlista.
        await summary.ClickAsync();
        await officer.Keyboard.TypeAsync("Planen har ");
        await officer.Keyboard.PressAsync("Control+b");
        await officer.Keyboard.TypeAsync("tre mål");
        await officer.Keyboard.PressAsync("Control+b");
        await officer.Keyboard.PressAsync("Enter");
        await officer.Keyboard.TypeAsync("Trygg hemtjänst");
        for (var i = 0; i < 4; i++)
        {
            await officer.Keyboard.PressAsync("Shift+Tab");
        }

        await Expect(officer.GetByRole(AriaRole.Toolbar, new() { Name = "Formatering av Sammanfattning" })
            .GetByRole(AriaRole.Button, new() { Name = "Punktlista" })).ToBeFocusedAsync();
        await officer.Keyboard.PressAsync("Enter");
        await Expect(summary.Locator("b")).ToHaveTextAsync("tre mål");
        await Expect(summary.Locator("ul > li")).ToHaveTextAsync("Trygg hemtjänst");

        // Text pasted from elsewhere with a script, an event handler and a javascript: link.
        var description = officer.GetByRole(AriaRole.Textbox, new() { Name = "Beskrivning av ärendet", Exact = true });
        await description.EvaluateAsync(
            "e => e.innerHTML = '<p onclick=\"alert(1)\">Bakgrund<script>alert(2)</script></p><p><a href=\"javascript:alert(3)\">Läs mer</a></p>'");
        await officer.GetByLabel("Mottagare, en per rad").FillAsync("Vård och omsorg\nAkten");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();

        await Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tjänsteskrivelsen är sparad. Otillåten formatering togs bort." }))
            .ToBeVisibleAsync();
        // The cleaned text comes back into the editor after the save's message: wait for it (a one-off read raced it).
        await Expect(description).ToHaveJSPropertyAsync("innerHTML", "<p>Bakgrund</p><p>Läs mer</p>");
        await Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Tjänsteskrivelsen sparades.");
        await Journey.ExpectNoErrorBannerAsync(officer);
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // The PDF is made in the background and offered for download.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Skapa PDF" }).ClickAsync();
        var download = officer.GetByRole(AriaRole.Link, new() { Name = "Ladda ned tjänsteskrivelsen (PDF)" });
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var response = await officer.APIRequest.GetAsync(portal.App.BaseUrl + await download.GetAttributeAsync("href"));
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString((await response.BodyAsync())[..5]).ShouldBe("%PDF-");

        // A ledamot of the organ reads the report as written, without the form.
        var member = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(member, portal.App.BaseUrl, "ledamot@exempelby.se");
        await member.GotoAsync(officer.Url);
        await Journey.WaitForInteractiveAsync(member);
        await Expect(member.GetByText("1. att uppdra åt förvaltningen att följa upp planen")).ToBeVisibleAsync();
        await Expect(member.GetByText("2. att anta verksamhetsplanen")).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true })).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(member);
    }
}
