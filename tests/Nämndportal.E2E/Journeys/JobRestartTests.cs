using Microsoft.Playwright;
using Npgsql;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// A background job is persisted: if the app dies in the middle of printing the kallelse pack, the job is done after a
/// restart, and the pack can be downloaded.
/// </summary>
[Collection(PortalGroup.Name)]
public class JobRestartTests(PortalFixture portal)
{
    private static readonly Dictionary<string, string> SlowJobs = new()
    {
        ["Jobs:NoticePack:StepDelay"] = "00:00:02",
        // Short enough that the job left by the killed process is taken again within the test, long enough that the
        // running instance's keep-alive (every fifth of it) is never late on a loaded two-core CI machine: at ten
        // seconds a late keep-alive once let the live instance's job be fetched a second time (now that second run does
        // not start: BackgroundTaskRun holds the task; the timeout stays generous so the job's history stays simple).
        ["Jobs:InvisibilityTimeout"] = "00:00:40",
        ["Jobs:QueuePollInterval"] = "00:00:00.500",
    };

    [Fact]
    public async Task Kallelse_pack_job_killed_mid_way_is_finished_after_the_app_restarts()
    {
        var database = await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_jobs");
        await using var app = await AppProcess.StartAsync(database, SlowJobs);
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, app.BaseUrl, "sekreterare@exempelby.se");
        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Kommande sammanträden" });
        await upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Omsorgsnämnden" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa handlingspaket (utkast)" }).ClickAsync();
        await Expect(page.GetByTestId("draft-task-status")).ToContainTextAsync("Punkt 2 av", new() { Timeout = 120_000 });

        app.Kill();
        var (statusAfterKill, _, _) = await ReadTaskAsync(database);
        statusAfterKill.ShouldBe("Running", "the job must have been cut off mid-way");

        await using var restarted = await AppProcess.StartAsync(database, SlowJobs);
        var deadline = DateTime.UtcNow.AddSeconds(180);
        var (status, attempts, fileId) = await ReadTaskAsync(database);
        while (status != "Succeeded" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            (status, attempts, fileId) = await ReadTaskAsync(database);
        }

        status.ShouldBe("Succeeded", customMessage: restarted.OutputTail);
        attempts.ShouldBe(2, customMessage: "the job ran once, was killed, and ran again after the restart\n" + restarted.OutputTail);

        var reader = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(reader, restarted.BaseUrl, "sekreterare@exempelby.se");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        var download = await reader.APIRequest.GetAsync($"{restarted.BaseUrl}/filer/{fileId}");
        download.Status.ShouldBe(200);
        var body = await download.BodyAsync();
        System.Text.Encoding.ASCII.GetString(body, 0, 5).ShouldBe("%PDF-");
    }

    private static async Task<(string Status, int Attempts, Guid? FileId)> ReadTaskAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, attempts, result_file_id FROM background_tasks WHERE kind = 'notice-pack-draft'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the task must have been recorded");
        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
    }
}
