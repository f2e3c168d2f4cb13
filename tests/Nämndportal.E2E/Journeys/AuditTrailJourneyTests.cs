using Microsoft.Playwright;
using Npgsql;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

[Collection(PortalGroup.Name)]
public class AuditTrailJourneyTests(PortalFixture portal)
{
    private const string SecretRead = "Läst sekretessmarkerad handling";

    [Fact]
    public async Task Administrator_filters_the_audit_trail_and_exports_it_and_a_secretary_is_turned_away()
    {
        var connectionString = await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_audit");
        await using var app = await AppProcess.StartAsync(connectionString);
        await InsertLinesAsync(connectionString);

        var admin = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(admin, app.BaseUrl, "admin@exempelby.se");
        await admin.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(Journey.AdministratorKey, app.BaseUrl));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();

        await Journey.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Händelselogg" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Händelselogg", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(admin);
        var table = admin.GetByRole(AriaRole.Table, new() { Name = "Händelser" });
        // The demo data's own lines (organs, persons, logins, roles, its cases' handlingar) are newer than these:
        // narrow to the user first.
        await admin.GetByLabel("Användare").FillAsync("annan.anvandare");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa urvalet" }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "annan.anvandare@exempelby.se" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        // One Stockholm day and one user: the line a second before midnight and the other user's line drop out.
        await admin.GetByLabel("Från och med").FillAsync("2026-11-22");
        await admin.GetByLabel("Till och med").FillAsync("2026-11-22");
        await admin.GetByLabel("Användare").FillAsync("granskare");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa urvalet" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "i urvalet" })).ToHaveTextAsync("2 händelser i urvalet.");
        var rows = table.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("2026-11-22 21.00.00");
        await Expect(rows.Nth(1)).ToContainTextAsync("2026-11-22 14.05.09");
        await Expect(rows.Nth(1)).ToContainTextAsync(SecretRead);
        await Expect(rows.Nth(1)).ToContainTextAsync("192.0.2.44");
        await Expect(rows.Nth(1)).ToContainTextAsync("Handling 2 i ärende OMF-2026-7 (OSL 26 kap. 1 §)");

        await admin.GetByLabel("Händelse", new() { Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = SecretRead }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa urvalet" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "i urvalet" })).ToHaveTextAsync("1 händelse i urvalet.");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync("2026-11-22 14.05.09");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Exportera CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("handelselogg-");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        bytes.Take(3).ShouldBe(System.Text.Encoding.UTF8.GetPreamble(), "a byte-order mark, so Excel reads å, ä and ö");
        var csv = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(2, csv);
        lines[0].ShouldBe("Nr;Tid;Användare;Adress;Händelse;Typ av post;Ärende;Beskrivning");
        lines[1].ShouldContain($"2026-11-22 14.05.09;e2e.granskare@exempelby.se;192.0.2.44;{SecretRead};Handling;");

        // Without the action filter the export holds the formula line too, written as text.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Rensa urvalet" }).ClickAsync();
        await admin.GetByLabel("Användare").FillAsync("granskare");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa urvalet" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "i urvalet" })).ToHaveTextAsync("3 händelser i urvalet.");
        download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Exportera CSV" }).ClickAsync());
        csv = await File.ReadAllTextAsync(await download.PathAsync());
        csv.ShouldContain(";\"'=SUMMA(1;1)\"");
        await Journey.ExpectNoErrorBannerAsync(admin);

        var secretary = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(secretary, app.BaseUrl, "sekreterare@exempelby.se");
        await Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await Expect(secretary.GetByRole(AriaRole.Link, new() { Name = "Händelselogg" })).ToHaveCountAsync(0);
        await secretary.GotoAsync(app.BaseUrl + "/admin/logg");
        await Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Åtkomst nekad", Level = 1 })).ToBeVisibleAsync();
        await Expect(secretary.GetByText("e2e.granskare")).ToHaveCountAsync(0);
    }

    /// <summary>The demo data has no cases yet, so the trail's lines are written as the portal would have written them.</summary>
    private static async Task InsertLinesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO audit_trail (at, user_name, remote_address, action, entity_type, summary) VALUES
              ('2026-11-21T22:59:59Z', 'e2e.granskare@exempelby.se', '192.0.2.44', 'Ändrad', 'Case', 'Ärende OMF-2026-7: ändrade Status'),
              ('2026-11-22T13:05:09Z', 'e2e.granskare@exempelby.se', '192.0.2.44', @secretRead, 'CaseDocument', 'Handling 2 i ärende OMF-2026-7 (OSL 26 kap. 1 §)'),
              ('2026-11-22T20:00:00Z', 'e2e.granskare@exempelby.se', '192.0.2.44', 'Ändrad', 'CaseDocument', '=SUMMA(1;1)'),
              ('2026-11-22T09:00:00Z', 'annan.anvandare@exempelby.se', '192.0.2.45', 'Skapad', 'Case', 'Ärende OMF-2026-8')
            """, connection);
        insert.Parameters.AddWithValue("secretRead", SecretRead);
        await insert.ExecuteNonQueryAsync();
    }
}
