using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Support;

/// <summary>Steps several journeys share.</summary>
public static class Journey
{
    public const string DemoPassword = "Demo-Nämnd-2026";
    public const string AdministratorKey = "NAMNDPORTALDEMOKEY234567ABCDEFGH";

    public static async Task LogInAsync(IPage page, string baseUrl, string email, string password = DemoPassword)
    {
        await page.GotoAsync(baseUrl + "/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    /// <summary>Blazor's "Ett fel har inträffat" banner shows when the page or its circuit failed.</summary>
    public static async Task ExpectNoErrorBannerAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
