using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Support;

public static class Accessibility
{
    /// <summary>Runs axe on the page as the user has it (after the interactive circuit took over): no serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Nämndportal"));
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")
            .ToList();
        serious.ShouldBeEmpty();
    }
}
