using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Support;

public static class Accessibility
{
    /// <summary>Runs axe on the page as the user has it (after the interactive circuit took over): no serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Nämndportal"));

        // A component can be caught between two renders (a label set on its second render); what a user meets
        // is what persists, so a violation must be found in every one of three scans over about a second.
        List<string> serious = [];
        for (var scan = 0; scan < 3; scan++)
        {
            var result = await page.RunAxe();
            var found = result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")
                .ToList();
            serious = scan == 0 ? found : serious.Intersect(found).ToList();
            if (serious.Count == 0)
            {
                break;
            }

            await page.WaitForTimeoutAsync(500);
        }

        serious.ShouldBeEmpty();
    }
}
