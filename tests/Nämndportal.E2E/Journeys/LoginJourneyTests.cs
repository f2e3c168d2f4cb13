using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

[Collection(PortalGroup.Name)]
public class LoginJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Secretary_logs_in_and_sees_the_meetings_of_her_boards()
    {
        var page = await portal.Browser.NewPageAsync();

        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Kommande sammanträden" });
        await Expect(upcoming.GetByRole(AriaRole.Rowheader, new() { Name = "Omsorgsnämnden" }).First).ToBeVisibleAsync();
        await Expect(upcoming.GetByRole(AriaRole.Rowheader, new() { Name = "Social- och utbildningsnämnden" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Kommunstyrelsen")).ToHaveCountAsync(0);
        await Expect(upcoming.GetByRole(AriaRole.Columnheader, new() { Name = "Olästa/ändrade" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sammanträdesplan" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobbkö" })).ToHaveCountAsync(0);
        await Journey.ExpectNoErrorBannerAsync(page);
    }

    [Fact]
    public async Task Member_sees_how_many_handlingar_are_unread_or_changed_per_meeting()
    {
        var page = await portal.Browser.NewPageAsync();

        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se");

        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Kommande sammanträden" });
        await Expect(upcoming.GetByRole(AriaRole.Columnheader, new() { Name = "Olästa/ändrade" })).ToBeVisibleAsync();
        var row = upcoming.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Omsorgsnämnden" }) }).First;
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ olästa, \d+ ändrade sedan du läste"));
        await Journey.ExpectNoErrorBannerAsync(page);
    }

    [Fact]
    public async Task Wrong_password_shows_the_Swedish_error_and_nothing_personal_reaches_the_log()
    {
        var page = await portal.Browser.NewPageAsync();

        await Journey.LogInAsync(page, portal.App.BaseUrl, "ledamot@exempelby.se", "Fel-Lösenord-4711");

        await Expect(page.Locator(".form-alert")).ToContainTextAsync("Inloggningen misslyckades. Kontrollera e-postadress och lösenord.");
        await Expect(page).ToHaveURLAsync(portal.App.BaseUrl + "/konto/logga-in");
        portal.App.Output.ShouldContain("/konto/logga-in", customMessage: "requests are logged");
        portal.App.Output.ShouldNotContain("ledamot@exempelby.se");
        portal.App.Output.ShouldNotContain("Fel-Lösenord-4711");
    }

    [Fact]
    public async Task Administrator_with_an_authenticator_must_give_the_code()
    {
        var page = await portal.Browser.NewPageAsync();

        await Journey.LogInAsync(page, portal.App.BaseUrl, "admin@exempelby.se");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tvåstegsverifiering" })).ToBeVisibleAsync();
        await page.GetByLabel("Kod").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(page.Locator(".form-alert")).ToContainTextAsync("Koden stämmer inte");

        await page.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(Journey.AdministratorKey, portal.App.BaseUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Kommunstyrelsen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobbkö" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "ersattare@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();

        await page.GotoAsync(portal.App.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/logga-in"));
    }
}
