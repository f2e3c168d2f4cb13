using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Nämndportal.E2E.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 12's journey: a registrar logs five delegationsbeslut in the grid by keyboard alone; the secretary puts the
/// redovisning on the next meeting of Social- och utbildningsnämnden with today as brytdatum; the draft kallelse pack
/// printed from the meeting page holds the report with the five decisions in its ranges, and no individual case's case
/// number. Axe on the new page.
/// </summary>
[Collection(PortalGroup.Name)]
public partial class DelegationJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task A_registrar_logs_five_decisions_by_keyboard_and_the_secretarys_report_is_in_the_rendered_kallelse()
    {
        var page = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "registrator@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/delegationsbeslut");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Organ").SelectOptionAsync(new SelectOptionValue { Label = "Social- och utbildningsnämnden" });
        await Expect(page.GetByTestId("decision-register")).ToContainTextAsync("Verksamhetschef förskola");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1600, "the wide grid scrolls in its box, not the page");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Five rows, by keyboard: Tab from field to field, Enter in the last field of a row for the next row.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Punkt, rad 1").FocusAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.TypeAsync("2.1");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("Verksamhetschef förskola");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab"); // the beslutsfattare is filled in from who held the position
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(today);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab"); // no diarienummer
            await page.Keyboard.TypeAsync("Beslut om barnomsorg på obekväm arbetstid");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(i == 2 ? "Avslag" : "Bifall");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab"); // no § (not an utskott)
            await page.Keyboard.PressAsync("Space"); // överklagbart
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab"); // individärende
            await Expect(page.GetByLabel($"Överklagbart, rad {i + 1}")).ToBeCheckedAsync();
            await Expect(page.GetByLabel($"Brådskande beslut av ordföranden, rad {i + 1}")).ToBeFocusedAsync();
            if (i < 4)
            {
                // Brådskande: Enter gives a new row, and typing goes on at once — what is typed before the row has come
                // from the server is kept for it (js/decisiongrid.js), so no keystroke is lost.
                await page.Keyboard.PressAsync("Enter");
            }
        }

        for (var row = 1; row <= 5; row++)
        {
            await Expect(page.GetByLabel($"Punkt, rad {row}")).ToHaveValueAsync("2.1");
            await Expect(page.GetByLabel($"Delegat, rad {row}")).ToHaveValueAsync("Verksamhetschef förskola");
        }

        await page.GetByLabel("Brådskande beslut av ordföranden, rad 5").FocusAsync();
        await page.Keyboard.PressAsync("Tab"); // Ta bort
        await page.Keyboard.PressAsync("Tab"); // Ny rad
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrera 5 beslut" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var saved = page.GetByTestId("grid-saved");
        await Expect(saved).ToContainTextAsync("5 beslut registrerades:");
        var numbers = Numbers().Matches(await saved.InnerTextAsync()).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.Count.ShouldBe(5);
        numbers.ShouldBe(Enumerable.Range(numbers[0], 5).ToList(), "one delegate's series runs on");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrera 0 beslut" })).ToBeEnabledAsync();
        await Expect(page.GetByLabel("Punkt, rad 1", new() { Exact = true })).ToBeFocusedAsync(); // ready for the next batch

        // The decision document of the last one is uploaded from the register, and downloads again.
        var last = $"{numbers[^1]}/{today[..4]}";
        var register = page.GetByTestId("decision-register");
        await Expect(register.Locator("tbody tr").Filter(new() { HasText = last }).First).ToContainTextAsync("Bifall");
        await page.GetByLabel($"Bifoga beslutsdokument till beslut {last}", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "Beslut barnomsorg.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await Expect(page.GetByText($"Beslut barnomsorg.pdf är sparat som beslutsdokument till beslut {last}.")).ToBeVisibleAsync();
        var documentLink = register.GetByRole(AriaRole.Link, new() { Name = $"Beslut {last}", Exact = true });
        var document = await page.Context.APIRequest.GetAsync(portal.App.BaseUrl + await documentLink.GetAttributeAsync("href"));
        (document.Ok, document.Headers["content-type"]).ShouldBe((true, "application/pdf"));

        // A meddelande for the same report.
        var messageForm = page.GetByTestId("message-form");
        await messageForm.GetByLabel("Avsändare", new() { Exact = true }).FillAsync("Länsstyrelsen");
        await messageForm.GetByLabel("Vad meddelandet gäller").FillAsync("Beslut om statsbidrag för lovskola 2027");
        await messageForm.GetByRole(AriaRole.Button, new() { Name = "Registrera meddelandet" }).ClickAsync();
        await Expect(page.GetByText("Meddelandet från Länsstyrelsen är registrerat.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("messages")).ToContainTextAsync("Beslut om statsbidrag för lovskola 2027");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The secretary puts the report on the next meeting with today as brytdatum and prints the draft pack.
        var meetingId = await NextMeetingAsync("SUN");
        var secretary = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(secretary, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await secretary.GotoAsync($"{portal.App.BaseUrl}/sammantraden/{meetingId}");
        await Journey.WaitForInteractiveAsync(secretary);
        var item = secretary.GetByTestId("agenda-item").Filter(new() { HasText = "Redovisning av delegationsbeslut" });
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Ändra punkt \d+, Redovisning av delegationsbeslut$") }).ClickAsync();
        await item.GetByLabel(new Regex("^Brytdatum för redovisningen")).FillAsync(today);
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Lägg till redovisning av delegationsbeslut|Uppdatera redovisningen)$") }).ClickAsync();
        await Expect(secretary.GetByText(new Regex($"tar med \\d+ beslut till och med {today}"))).ToBeVisibleAsync();
        await Expect(item.GetByTestId("agenda-report")).ToContainTextAsync($"Redovisning av delegationsbeslut till och med {today}");
        var section = secretary.GetByTestId("notice-section");
        await section.GetByRole(AriaRole.Button, new() { Name = "Skapa handlingspaket (utkast)" }).ClickAsync();
        var download = section.GetByTestId("draft-task-download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var response = await secretary.Context.APIRequest.GetAsync(portal.App.BaseUrl + await download.GetAttributeAsync("href"));
        response.Ok.ShouldBeTrue();
        using var pdf = PdfDocument.Open(await response.BodyAsync());
        var text = Regex.Replace(string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))), @"\s+", " ");
        text.ShouldContain("Redovisning av delegationsbeslut");
        text.ShouldContain("godkänner redovisningen av delegationsbesluten");
        text.ShouldContain($"-{numbers[^1]}/{today[..4]} Beslut om barnomsorg på obekväm arbetstid");
        text.ShouldContain("Enskilda individärenden");
        text.ShouldNotContain("SUN 2026/903", Case.Sensitive); // an individual case's case number
        await Accessibility.AssertNoSeriousViolationsAsync(secretary);
        await Journey.ExpectNoErrorBannerAsync(secretary);
    }

    [Fact]
    public async Task The_secretary_writes_the_next_delegationsordning_where_a_group_is_refused_and_fastställer_it()
    {
        var page = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/delegationsordning");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Organ").SelectOptionAsync(new SelectOptionValue { Label = "Social- och utbildningsnämnden" });
        var versions = page.GetByTestId("scheme-versions");
        await Expect(versions.Locator("tbody tr").Filter(new() { HasText = "Version 1" })).ToContainTextAsync("Gäller");
        await Expect(versions.Locator("tbody tr").Filter(new() { HasText = "Version 2" })).ToContainTextAsync("Utkast");
        var points = page.GetByTestId("scheme-points");
        await Expect(points).ToContainTextAsync("Version 2: utkast");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A point naming a group of employees is refused (rule 18), with the reason, and nothing is added.
        var form = page.GetByTestId("point-form");
        await form.GetByLabel("Punkt", new() { Exact = true }).FillAsync("7.1");
        await form.GetByLabel("Ärende", new() { Exact = true }).FillAsync("Beslut om skolskjuts");
        await form.GetByLabel("Delegat (en per rad)").FillAsync("Handläggargruppen");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ser ut att vara en grupp" })).ToBeVisibleAsync();
        await Expect(points.Locator("tbody th").Filter(new() { HasTextRegex = new Regex("^7.1$") })).ToHaveCountAsync(0);

        // As one position, and with a kind KL 6:38 keeps refused, then saved as an ordinary matter.
        await form.GetByLabel("Delegat (en per rad)").FillAsync("Verksamhetschef skola");
        await form.GetByLabel("Typ av ärende").SelectOptionAsync(new SelectOptionValue { Label = "Verksamhetens mål, inriktning, omfattning eller kvalitet" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "6 kap. 38 § 1 p. kommunallagen" })).ToBeVisibleAsync();
        await form.GetByLabel("Typ av ärende").SelectOptionAsync(new SelectOptionValue { Label = "Myndighetsutövning mot enskild (inte av principiell beskaffenhet)" });
        await form.GetByLabel("Lagrum").FillAsync("SL 10 kap. 32 §");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(page.GetByText("Punkt 7.1 är sparad.")).ToBeVisibleAsync();
        var row = points.Locator("tbody tr").Filter(new() { HasText = "Beslut om skolskjuts" });
        await Expect(row).ToContainTextAsync("Verksamhetschef skola");

        // Changed, then fastställd: version 1 ends the day before version 2 begins.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra punkt 7.1" }).ClickAsync();
        await form.GetByLabel("Ärende", new() { Exact = true }).FillAsync("Beslut om skolskjuts vid växelvis boende");
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara punkten" }).ClickAsync();
        await Expect(row.Or(points.Locator("tbody tr").Filter(new() { HasText = "växelvis boende" })).First).ToContainTextAsync("växelvis boende");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Fastställ version 2$") }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Version 2 är fastställd och gäller från \d{4}-01-01\.$"))).ToBeVisibleAsync();
        await Expect(versions.Locator("tbody tr").Filter(new() { HasText = "Version 1" })).ToContainTextAsync(new Regex(@"\d{4}-12-31"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ändra punkt 7.1" })).ToHaveCountAsync(0);

        // A förordnande for the new position is added.
        var holders = page.GetByTestId("holder-form");
        await holders.GetByLabel("Befattning").FillAsync("Verksamhetschef skola");
        await holders.GetByLabel("Namn").FillAsync("Maja Ström");
        await holders.GetByRole(AriaRole.Button, new() { Name = "Lägg till förordnandet" }).ClickAsync();
        await Expect(page.GetByText("Maja Ström är förordnad som Verksamhetschef skola.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("position-holders")).ToContainTextAsync("Maja Ström");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Journey.ExpectNoErrorBannerAsync(page);
    }

    private async Task<Guid> NextMeetingAsync(string organ)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id
            WHERE o.short_name = @organ AND m.status = 'Planerat' AND m.starts_at > now()
              AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id AND i.report = 'DelegatedDecisions')
            ORDER BY m.starts_at LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("organ", organ);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"(\d+)/\d{4}")]
    private static partial Regex Numbers();
}
