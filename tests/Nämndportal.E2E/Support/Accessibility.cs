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

        // Three scans over about a second, and a serious or critical violation in any one of them fails: a user can meet
        // the page in any of those moments (a label that comes only on a second render is missing for a screen reader
        // that reads the first).
        var serious = new SortedSet<string>(StringComparer.Ordinal);
        for (var scan = 0; scan < 3; scan++)
        {
            if (scan > 0)
            {
                await page.WaitForTimeoutAsync(500);
            }

            var result = await page.RunAxe();
            serious.UnionWith(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}"));
        }

        serious.ShouldBeEmpty();
    }
}
