using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 13's journey: the secretary registers a granskningsrapport with three recommendations to two organs, creates
/// Omsorgsnämnden's answer case, takes a position, adds two actions and marks one done; the overview shows the open one
/// and, with every status, the done one; the revisor sees the report and the actions and can change nothing. Axe on the
/// new pages.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class FollowUpJourneyTests(PortalFixture portal)
{
    private const string Title = "Granskning av ärendehantering och diarieföring";

    [Fact]
    public async Task The_secretary_registers_a_report_answers_it_with_actions_marks_one_done_and_the_overview_and_the_revisor_show_it()
    {
        var page = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/uppfoljning/granskningar/ny");
        await Journey.WaitForInteractiveAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Rapportens titel").FillAsync(Title);
        await page.GetByLabel("Granskad av (revisionsbyrå)").FillAsync("Revisionsbyrån Exempel AB");
        await page.GetByLabel("Rapportens datum").FillAsync(DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Svar senast").FillAsync(DateTime.Today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Omsorgsnämnden", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Social- och utbildningsnämnden", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till rekommendation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till rekommendation" }).ClickAsync();
        string[] texts =
        [
            "Säkerställ att alla inkomna handlingar diarieförs inom två dagar.",
            "Ta fram rutiner för gallring av allmänna handlingar.",
            "Utbilda handläggarna i offentlighet och sekretess.",
        ];
        for (var n = 1; n <= 3; n++)
        {
            await page.GetByLabel($"Rekommendation {n}, text").FillAsync(texts[n - 1]);
        }

        await page.GetByLabel("Rekommendation 1 till Omsorgsnämnden").CheckAsync();
        await page.GetByLabel("Rekommendation 1 till Social- och utbildningsnämnden").CheckAsync();
        await page.GetByLabel("Rekommendation 2 till Omsorgsnämnden").CheckAsync();
        await page.GetByLabel("Rekommendation 3 till Social- och utbildningsnämnden").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera rapporten" }).ClickAsync();

        // The report page: three recommendations; each organ's answer still to start.
        await Expect(page.GetByTestId("report-message")).ToContainTextAsync("registrerad med 3 rekommendationer", new() { Timeout = 30_000 });
        var reportUrl = page.Url.Split('?')[0];
        await Expect(page.GetByTestId("recommendations").Locator("li")).ToHaveCountAsync(3);
        var omn = page.GetByTestId("answer-Omsorgsnämnden");
        await omn.GetByRole(AriaRole.Button, new() { Name = "Skapa ärende för yttrande" }).ClickAsync();
        await Expect(page.GetByTestId("report-message")).ToContainTextAsync("Ärende för Omsorgsnämndens yttrande är registrerat.");
        await Expect(omn).ToContainTextAsync("yttrandet är inte beslutat ännu");

        await omn.GetByLabel("Ställningstagande, rekommendation 1").FillAsync("Nämnden delar bedömningen och inför en rutin för diarieföring.");
        await omn.GetByRole(AriaRole.Button, new() { Name = "Spara ställningstagande 1" }).ClickAsync();
        await Expect(page.GetByTestId("report-message")).ToContainTextAsync("Ställningstagandet till rekommendation 1 är sparat.");

        await AddActionAsync(omn, 1, "Inför daglig kontroll av inkommande post.", "Hanna Handläggare", DateTime.Today.AddDays(30));
        await AddActionAsync(omn, 2, "Skriv en gallringsplan för omsorgsförvaltningen.", "Sara Sekreterare", DateTime.Today.AddDays(60));
        var actions = omn.GetByTestId("actions-Omsorgsnämnden-2");
        await actions.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Genomförd" });
        await actions.GetByLabel("Anteckning").FillAsync("Gallringsplanen är antagen.");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Spara Skriv en gallringsplan för omsorgsförvaltningen." }).ClickAsync();
        await Expect(page.GetByTestId("report-message")).ToContainTextAsync("Åtgärden är uppdaterad: Genomförd.");
        await Expect(actions).ToContainTextAsync("Gallringsplanen är antagen.");

        await omn.GetByRole(AriaRole.Button, new() { Name = "Skriv utkast" }).ClickAsync();
        await Expect(omn.GetByTestId("statement-draft")).ToContainTextAsync("Rekommendation 1: " + texts[0]);
        await Expect(omn.GetByTestId("statement-draft")).ToContainTextAsync("Status: Genomförd.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The overview: the open action; with every status, the done one too.
        await page.GotoAsync($"{portal.App.BaseUrl}/uppfoljning");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Organ").SelectOptionAsync(new SelectOptionValue { Label = "Omsorgsnämnden" });
        await Expect(page.GetByTestId("audit-reports")).ToContainTextAsync(Title);
        var items = page.GetByTestId("follow-up-items");
        await Expect(items).ToContainTextAsync("Inför daglig kontroll av inkommande post.");
        await Expect(items).Not.ToContainTextAsync("Skriv en gallringsplan");
        await page.GetByLabel("Alla, även genomförda").CheckAsync();
        await Expect(items).ToContainTextAsync("Skriv en gallringsplan för omsorgsförvaltningen.");
        await Expect(page.GetByTestId("status-chart")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync($"{portal.App.BaseUrl}/uppfoljning/internkontroll");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Organ").SelectOptionAsync(new SelectOptionValue { Label = "Omsorgsnämnden" });
        await Expect(page.GetByTestId("control-points")).ToContainTextAsync("Fakturor attesteras av fel person");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Journey.ExpectNoErrorBannerAsync(page);

        // The revisor: the report and the actions within their scope, nothing to change.
        var revisor = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(revisor, portal.App.BaseUrl, "revisor@exempelby.se");
        await revisor.GotoAsync($"{portal.App.BaseUrl}/uppfoljning");
        await Journey.WaitForInteractiveAsync(revisor);
        await revisor.GetByLabel("Organ").SelectOptionAsync(new SelectOptionValue { Label = "Omsorgsnämnden" });
        await Expect(revisor.GetByTestId("audit-reports")).ToContainTextAsync(Title);
        await Expect(revisor.GetByTestId("follow-up-items")).ToContainTextAsync("Inför daglig kontroll av inkommande post.");
        await Expect(revisor.GetByRole(AriaRole.Button, new() { Name = "Uppdatera", Exact = false })).ToHaveCountAsync(0);
        await Expect(revisor.GetByRole(AriaRole.Link, new() { Name = "Registrera granskningsrapport" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(revisor);
        await revisor.GotoAsync(reportUrl);
        await Journey.WaitForInteractiveAsync(revisor);
        var seen = revisor.GetByTestId("answer-Omsorgsnämnden");
        await Expect(seen).ToContainTextAsync("Nämnden delar bedömningen och inför en rutin för diarieföring.");
        await Expect(seen.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(seen.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(revisor);
    }

    private static async Task AddActionAsync(ILocator answer, int recommendation, string description, string responsible, DateTime due)
    {
        await answer.GetByText($"Ny åtgärd för rekommendation {recommendation}").ClickAsync();
        await answer.GetByLabel($"Åtgärd, rekommendation {recommendation}").FillAsync(description);
        await answer.GetByLabel($"Ansvarig, rekommendation {recommendation}").FillAsync(responsible);
        await answer.GetByLabel($"Klart senast, rekommendation {recommendation}").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await answer.GetByRole(AriaRole.Button, new() { Name = $"Lägg till åtgärd för rekommendation {recommendation}" }).ClickAsync();
        await Expect(answer.Page.GetByTestId("report-message")).ToContainTextAsync($"Åtgärden för rekommendation {recommendation} är tillagd.");
        await Expect(answer.GetByTestId($"actions-Omsorgsnämnden-{recommendation}")).ToContainTextAsync(description);
    }
}
