using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

[Collection(PortalGroup.Name)]
public class TwoFactorEnrolmentJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Secretary_must_enrol_an_authenticator_before_working_and_then_gives_codes_at_login()
    {
        await using var app = await AppProcess.StartAsync(
            await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_2fa"),
            new Dictionary<string, string> { ["Security:TwoFactor:Enforce"] = "true" });
        var page = await portal.Browser.NewPageAsync();

        await Journey.LogInAsync(page, app.BaseUrl, "sekreterare@exempelby.se");
        await Expect(page.Locator(".form-alert")).ToContainTextAsync("Din roll kräver tvåstegsverifiering");
        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/konto/tvastegsverifiering/aktivera");

        var key = await page.Locator(".key").InnerTextAsync();
        await page.GetByLabel("Kod från appen").FillAsync(await Totp.FreshCodeAsync(key, app.BaseUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivera" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Journey.LogInAsync(page, app.BaseUrl, "sekreterare@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tvåstegsverifiering" })).ToBeVisibleAsync();
        await page.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(key, app.BaseUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await Journey.ExpectNoErrorBannerAsync(page);
    }
}
