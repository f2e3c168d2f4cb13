using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Support;

public static class Accessibility
{
    /// <summary>axe-core as Deque.AxeCore.Commons bundles it (the version its package pins).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    // axe.run with its default rules (all but the experimental and the disabled ones), only the violations returned.
    // Deque.AxeCore.Playwright's RunAxe runs axe in parts and finishes in a new blank page of the context, 2-15 s a scan
    // on this machine where axe itself takes 0.1-0.5 s: the scans were minutes of the suite.
    private const string RunScript = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
          .map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }))
        """;

    private const string SettledScript = """
        () => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')
        """;

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

            serious.UnionWith(await SeriousViolationsAsync(page));
        }

        serious.ShouldBeEmpty();
    }

    /// <summary>One axe scan of the page as it is now: its serious and critical violations, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) =>
        (await RunAxeAsync(page))
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes)}")
            .ToList();

    private static async Task<IReadOnlyList<Violation>> RunAxeAsync(IPage page)
    {
        // Injected through the DevTools protocol (not a script tag, which the portal's CSP refuses), once per document.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource);
        }

        // A button that was disabled while the circuit saved fades back over MudBlazor's 250 ms transition; a scan in that
        // moment measures white text on a half-faded background. The contrast a user reads is the settled one: wait for
        // running CSS transitions (not animations, some of which never end) before each scan.
        await page.WaitForFunctionAsync(SettledScript, null, new() { Timeout = 5_000 });
        var result = await page.EvaluateAsync<JsonElement>(RunScript);
        return result.Deserialize<List<Violation>>(Json) ?? [];
    }

    private sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);
}
