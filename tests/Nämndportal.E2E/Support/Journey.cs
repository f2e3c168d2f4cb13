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
        // Whatever page the login leads to (start page, second factor, the form again with an error) is loaded before
        // the journey goes on; an interactive page also has its circuit.
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits until an interactive page's circuit has rendered it (static account pages need no wait).</summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("main.main-content").CountAsync() > 0)
        {
            await Expect(page.Locator("main.main-content[data-interactive='true']")).ToBeAttachedAsync();
        }
    }

    /// <summary>Blazor's "Ett fel har inträffat" banner shows when the page or its circuit failed.</summary>
    public static async Task ExpectNoErrorBannerAsync(IPage page)
    {
        await WaitForInteractiveAsync(page);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    /// <summary>
    /// Types into a MudBlazor autocomplete and picks the suggestion shown as <paramref name="option"/>. A click that lands
    /// while the debounced search re-renders the list can be lost on a loaded machine, so the choice is checked in the
    /// field and made again (at most three times) until it took.
    /// </summary>
    public static async Task ChooseInAutocompleteAsync(IPage page, string label, string typed, string option)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(typed);
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
            try
            {
                await Expect(input).ToHaveValueAsync(option, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}
