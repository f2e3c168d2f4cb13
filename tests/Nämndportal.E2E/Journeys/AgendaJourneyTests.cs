using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 9's agenda journey: the secretary builds a five-item agenda on the meeting page (standard items, a case from
/// the picker, an information item), reorders it by keyboard and by drag and drop, and the order is kept.
/// </summary>
[Collection(PortalGroup.Name)]
public class AgendaJourneyTests(PortalFixture portal, ITestOutputHelper output)
{
    private const string CaseTitle = "Taxor för hemtjänst i Norrby";
    private const string Information = "Information om äldreomsorgens budget";

    [Fact]
    public async Task Secretary_builds_a_five_item_agenda_and_reorders_it_by_keyboard_and_by_drag_and_drop()
    {
        try
        {
            await BuildAndReorderAsync();
        }
        catch
        {
            output.WriteLine("The portal's log:\n" + portal.App.Output);
            throw;
        }
    }

    private async Task BuildAndReorderAsync()
    {
        var (meetingId, caseId, caseNumber) = await InsertMeetingAndReadyCaseAsync();
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/sammantraden/{meetingId}");
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Omsorgsnämnden, sammanträde", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Planerat");

        await AddTitledAsync(page, "Val av justerare");
        await AddTitledAsync(page, "Anmälan av extra ärenden");
        await Journey.ChooseInAutocompleteAsync(page, "Ärende som är klart för beslut", caseNumber, $"{caseNumber} {CaseTitle}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till ärendet" }).ClickAsync();
        await Expect(page.GetByText($"Ärendet {caseNumber} är tillagt sist")).ToBeVisibleAsync();
        await AddTitledAsync(page, "Redovisning av meddelanden");
        await page.GetByLabel("Slag av punkt").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Informationsärende" }).ClickAsync();
        await AddTitledAsync(page, Information);
        await ExpectAgendaAsync(page, "Val av justerare", "Anmälan av extra ärenden", CaseTitle, "Redovisning av meddelanden", Information);

        // The checks name the decision item: its case has no tjänsteskrivelse.
        var checks = page.GetByRole(AriaRole.Region, new() { Name = "Kontroller" });
        await Expect(checks).ToContainTextAsync($"Punkt 3 ({CaseTitle}): ärendet saknar tjänsteskrivelse.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Keyboard: the information item up twice; focus stays on its button and each move is announced.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Flytta upp punkt 5, {Information}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("agenda-announcement")).ToHaveTextAsync($"Punkt {Information} flyttad till plats 4 av 5.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Flytta upp punkt 4, {Information}" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("agenda-announcement")).ToHaveTextAsync($"Punkt {Information} flyttad till plats 3 av 5.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Flytta upp punkt 3, {Information}" })).ToBeFocusedAsync();
        await ExpectAgendaAsync(page, "Val av justerare", "Anmälan av extra ärenden", Information, CaseTitle, "Redovisning av meddelanden");

        // Drag and drop: "Redovisning av meddelanden" onto item 2.
        var items = page.GetByTestId("agenda-item");
        await items.Filter(new() { HasText = "Redovisning av meddelanden" }).DragToAsync(items.Nth(1));
        await Expect(page.GetByTestId("agenda-announcement")).ToHaveTextAsync("Punkt Redovisning av meddelanden flyttad till plats 2 av 5.");
        await ExpectAgendaAsync(page, "Val av justerare", "Redovisning av meddelanden", "Anmälan av extra ärenden", Information, CaseTitle);

        // The order is saved: a reload shows it.
        await page.ReloadAsync();
        await Journey.WaitForInteractiveAsync(page);
        await ExpectAgendaAsync(page, "Val av justerare", "Redovisning av meddelanden", "Anmälan av extra ärenden", Information, CaseTitle);

        // The item editor: closed session, then the page passes axe with the editor open.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ändra punkt 5, {CaseTitle}" }).ClickAsync();
        await page.GetByLabel("Behandlas inom stängda dörrar").CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara punkten" }).ClickAsync();
        await Expect(page.GetByText("Punkten är sparad.")).ToBeVisibleAsync();
        await Expect(items.Nth(4)).ToContainTextAsync("Behandlas inom stängda dörrar");
        await Journey.ExpectNoErrorBannerAsync(page);

        // The case followed the agenda, and its page no longer offers to take it off by hand.
        await page.GotoAsync($"{portal.App.BaseUrl}/arenden/{caseId}");
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("På föredragningslista");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Status ändrades från klart för beslut till på föredragningslista.");
        await Expect(page.GetByTestId("agenda-status-hint")).ToBeVisibleAsync();
        await page.GetByLabel("Ny status").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Beslutat", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Klart för beslut", Exact = true })).ToHaveCountAsync(0);
    }

    private static async Task AddTitledAsync(IPage page, string title)
    {
        await page.GetByLabel("Rubrik för ny punkt").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"Punkten {title} är tillagd sist.")).ToBeVisibleAsync();
    }

    private static async Task ExpectAgendaAsync(IPage page, params string[] titles)
    {
        await Expect(page.GetByTestId("agenda-title")).ToHaveTextAsync(titles);
        await Expect(page.GetByTestId("agenda-number")).ToHaveTextAsync(titles.Select((_, i) => $"{i + 1}.").ToArray());
    }

    /// <summary>
    /// A planned meeting of Omsorgsnämnden two months ahead and a case of its own that is ready for decision, written as
    /// the meeting plan and the case pages would have written them (the demo cases stay as they are for other journeys).
    /// </summary>
    private async Task<(Guid MeetingId, Guid CaseId, string CaseNumber)> InsertMeetingAndReadyCaseAsync()
    {
        var meetingId = Guid.CreateVersion7();
        var caseId = Guid.CreateVersion7();
        var sequence = Random.Shared.Next(9000, 9999);
        var caseNumber = $"OMF-2099-{sequence}";
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO meetings (id, organ_id, starts_at, ends_at, place, status, schedule_revision, agenda_revision, notice_version_number, created_at, created_by)
            SELECT @meeting, id, @starts, @ends, 'Kommunhuset, sammanträdesrum Björken', 'Planerat', 0, 0, 0, now(), 'e2e'
            FROM organs WHERE short_name = 'OMN';
            INSERT INTO cases (id, organ_id, prefix, year, sequence, number, title, registered_on, status, created_at, created_by)
            SELECT @case, id, 'OMF', 2099, @sequence, @number, @title, current_date, 'KlartForBeslut', now(), 'e2e'
            FROM organs WHERE short_name = 'OMN';
            """, connection);
        var starts = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(60).AddHours(12), TimeSpan.Zero);
        insert.Parameters.AddWithValue("meeting", meetingId);
        insert.Parameters.AddWithValue("starts", starts);
        insert.Parameters.AddWithValue("ends", starts.AddHours(3));
        insert.Parameters.AddWithValue("case", caseId);
        insert.Parameters.AddWithValue("sequence", sequence);
        insert.Parameters.AddWithValue("number", caseNumber);
        insert.Parameters.AddWithValue("title", CaseTitle);
        (await insert.ExecuteNonQueryAsync()).ShouldBe(2);
        return (meetingId, caseId, caseNumber);
    }
}
