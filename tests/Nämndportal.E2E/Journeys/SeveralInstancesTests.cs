using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 14: two instances on one database behind nginx. What one instance does, the other knows: logins, ended
/// sessions, notes; a job runs once whichever instance enqueued it, and so does each occurrence of a scheduled job.
/// </summary>
[Collection(InstancesGroup.Name)]
public partial class SeveralInstancesTests(InstancesFixture instances)
{
    private AppProcess A => instances.A;

    private AppProcess B => instances.B;

    [Fact]
    public async Task A_login_made_through_one_instance_is_valid_on_the_other()
    {
        var page = await instances.Browser.NewPageAsync();
        var bLogBefore = B.Output.Length;
        await Journey.LogInAsync(page, A.BaseUrl, "sekreterare@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        B.Output[bLogBefore..].ShouldNotContain("POST /konto/logga-in", customMessage: "the login is made on A alone");

        // The same cookie, on an instance that never saw the login: it reads the session from the database and the cookie
        // with the shared keys, and its circuit serves the user.
        var cookie = await CookieHeaderAsync(page);
        using (var response = await GetAsync(B.BaseUrl + "/", cookie))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, instances.Logs);
        }

        await page.GotoAsync(B.BaseUrl + "/");
        await Journey.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Sara Sekreterare");
        await Journey.ExpectNoErrorBannerAsync(page);
        B.Output[bLogBefore..].ShouldContain("GET / svarade 200", customMessage: "B served the signed-in start page");
    }

    [Fact]
    public async Task A_session_ended_on_one_instance_is_ended_on_both()
    {
        var page = await instances.Browser.NewPageAsync();
        await Journey.LogInAsync(page, A.BaseUrl, "handlaggare@exempelby.se");
        var cookie = await CookieHeaderAsync(page);
        foreach (var instance in new[] { A, B })
        {
            using var response = await GetAsync(instance.BaseUrl + "/", cookie);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"signed in on {instance.BaseUrl}");
        }

        // Logged out on B; the browser forgets its cookie, but someone who kept a copy of it must not get in anywhere.
        await page.GotoAsync(B.BaseUrl + "/");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/konto/logga-in"));
        foreach (var instance in new[] { A, B })
        {
            using var response = await GetAsync(instance.BaseUrl + "/", cookie);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the ended session must be refused on {instance.BaseUrl}");
            response.Headers.Location!.ToString().ShouldContain("/konto/logga-in");
        }
    }

    [Fact]
    public async Task A_kallelse_sent_through_the_proxy_is_sent_once_by_one_instance()
    {
        var meetingId = await InstancesFixture.InsertMeetingAsync(instances.ConnectionString, "Kommunhuset, sammanträdesrum Linden");
        var page = await instances.Browser.NewPageAsync();
        // Through nginx: the page's circuit and its WebSocket go to one instance; the job may run on either.
        await Journey.LogInAsync(page, instances.Proxy.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{instances.Proxy.BaseUrl}/sammantraden/{meetingId}");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Rubrik för ny punkt").FillAsync("Val av justerare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Punkten Val av justerare är tillagd sist.")).ToBeVisibleAsync();
        var section = page.GetByTestId("notice-section");
        await section.GetByTestId("send-notice").ClickAsync();
        await Expect(section.GetByTestId("send-task-status")).ToHaveTextAsync("Klart.", new() { Timeout = 120_000 });
        await Journey.ExpectNoErrorBannerAsync(page);

        var (status, attempts, _, taskId) = await InstancesFixture.SendTaskAsync(instances.ConnectionString, meetingId);
        status.ShouldBe("Succeeded");
        attempts.ShouldBe(1, instances.Logs);
        var servers = await InstancesFixture.ProcessingServersAsync(instances.ConnectionString, taskId);
        servers.Count.ShouldBe(1, "the job engine started the job once, on one instance:\n" + string.Join("\n", servers));
        servers[0].ShouldMatch("^instans-[ab]:");

        var sentTo = await InstancesFixture.SentToAsync(instances.ConnectionString, meetingId);
        sentTo.ShouldNotBeEmpty();
        var mails = instances.Smtp.Received
            .Where(m => (m.Message.TextBody ?? string.Empty).Contains($"/sammantraden/{meetingId}", StringComparison.Ordinal))
            .SelectMany(m => m.EnvelopeTo)
            .ToList();
        mails.ShouldBeUnique("nobody gets the kallelse twice");
        mails.Order().ShouldBe(sentTo.Order(), "exactly the recorded recipients got it");
    }

    [Fact]
    public async Task A_note_saved_through_one_instance_is_read_through_the_other()
    {
        var text = $"Fråga om bemanningen {Guid.NewGuid():N}"[..32];
        var writer = await instances.Browser.NewPageAsync(1920, 1080);
        await Journey.LogInAsync(writer, A.BaseUrl, "ledamot@exempelby.se");
        await writer.GetByRole(AriaRole.Link, new() { NameRegex = ReadOmsorgsnamnden() }).First.ClickAsync();
        await Expect(writer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Läsläge: Omsorgsnämnden");
        await Journey.WaitForInteractiveAsync(writer);
        var notes = writer.GetByTestId("reader-notes");
        await notes.GetByRole(AriaRole.Radio, new() { Name = "punkten", Exact = true }).CheckAsync();
        await notes.GetByLabel("Ny anteckning").FillAsync(text);
        await notes.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
        await Expect(notes.GetByTestId("reader-note").Filter(new() { HasText = text })).ToBeVisibleAsync();

        // Another browser, on the other instance.
        var reader = await instances.Browser.NewPageAsync();
        await Journey.LogInAsync(reader, B.BaseUrl, "ledamot@exempelby.se");
        await reader.GotoAsync(B.BaseUrl + "/anteckningar");
        await Journey.WaitForInteractiveAsync(reader);
        await reader.GetByLabel("Sök i anteckningarna").FillAsync(text[^10..]);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await Expect(reader.GetByTestId("my-notes-count")).ToHaveTextAsync("1 anteckning");
        await Expect(reader.GetByTestId("my-note-row")).ToContainTextAsync(text);
    }

    [Fact]
    public async Task Each_occurrence_of_the_anslag_take_down_runs_once_across_the_instances()
    {
        // An anslag whose last day was the day before yesterday: the next occurrence (every minute here) takes it down.
        Guid postingId;
        await using (var connection = new NpgsqlConnection(instances.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                """
                UPDATE postings SET up_on = current_date - 25, down_on = current_date - 2
                WHERE id = (SELECT id FROM postings WHERE taken_down_at IS NULL AND replaced_at IS NULL ORDER BY up_on LIMIT 1)
                RETURNING id
                """, connection);
            postingId = (Guid)(await update.ExecuteScalarAsync() ?? throw new InvalidOperationException("the demo data has no anslag up"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(200);
        while (await TakenDownByAsync(postingId) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
        }

        (await TakenDownByAsync(postingId)).ShouldBe("anslagstavlan (automatiskt)", instances.Logs);
        // One more occurrence after it, which finds nothing left.
        var runs = Runs();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (Runs().Count < runs.Count + 1 && DateTime.UtcNow < until)
        {
            await Task.Delay(1000);
        }

        runs = Runs();
        runs.Count(r => r.Count > 0).ShouldBe(1, "one run took the anslag down:\n" + string.Join("\n", runs));
        runs.GroupBy(r => r.Minute).Where(g => g.Count() > 1).ShouldBeEmpty(
            "each minute's occurrence ran on one instance only:\n" + string.Join("\n", runs));
        runs.Select(r => r.Instance).ShouldNotBeEmpty();
    }

    /// <summary>Every run of the take-down in both instances' logs: the minute it ran in, the instance, what it took down.</summary>
    private List<(string Minute, string Instance, int Count)> Runs() =>
        [.. new[] { ("instans-a", A.Output), ("instans-b", B.Output) }
            .SelectMany(log => TakeDownLine().Matches(log.Output)
                .Select(m => (m.Groups["minute"].Value, log.Item1, int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture))))];

    private async Task<string?> TakenDownByAsync(Guid postingId)
    {
        await using var connection = new NpgsqlConnection(instances.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT taken_down_by FROM postings WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", postingId);
        return await select.ExecuteScalarAsync() as string;
    }

    private static async Task<string> CookieHeaderAsync(IPage page) =>
        string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));

    private static async Task<HttpResponseMessage> GetAsync(string url, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    [GeneratedRegex(@"^\[(?<minute>\d{4}-\d{2}-\d{2} \d{2}:\d{2}):\d{2} INF\] .*Took down (?<count>\d+) anslag", RegexOptions.Multiline)]
    private static partial Regex TakeDownLine();

    [GeneratedRegex("^Läs handlingarna, Omsorgsnämnden")]
    private static partial Regex ReadOmsorgsnamnden();
}
