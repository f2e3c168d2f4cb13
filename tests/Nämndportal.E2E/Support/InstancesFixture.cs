using Npgsql;

namespace Nämndportal.E2E.Support;

/// <summary>
/// Two portal instances on one database behind Debian's nginx, as <c>./dev.sh run --instances 2</c> runs them: the same
/// template, the same settings, each named (Portal:InstanceName). The anslag take-down runs every minute here, so a
/// test can watch one occurrence run once.
/// </summary>
public sealed class InstancesFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public IntegrationTests.Support.SmtpTestServer Smtp { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public NginxProcess Proxy { get; private set; } = null!;

    /// <summary>Both instances' logs and nginx's, for a failure message.</summary>
    public string Logs => $"--- instans-a ---\n{A.OutputTail}\n--- instans-b ---\n{B.OutputTail}\n--- nginx ---\n{Proxy.Log}";

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        ConnectionString = await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_instances");
        Smtp = await IntegrationTests.Support.SmtpTestServer.StartAsync();
        var settings = Settings(Smtp, new Dictionary<string, string> { ["Jobs:TakeDownSchedule"] = "* * * * *" });
        // Started one after the other, as ./dev.sh does: the copy is migrated and seeded, so each starts in seconds.
        A = await AppProcess.StartAsync(ConnectionString, With(settings, "Portal:InstanceName", "instans-a"));
        B = await AppProcess.StartAsync(ConnectionString, With(settings, "Portal:InstanceName", "instans-b"));
        Proxy = await NginxProcess.StartAsync([A.BaseUrl, B.BaseUrl]);
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Browser.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The settings every instance of a test gets: mail to the test's SMTP server, quick job polling, and more.</summary>
    public static Dictionary<string, string> Settings(IntegrationTests.Support.SmtpTestServer smtp, IReadOnlyDictionary<string, string> more)
    {
        var settings = smtp.MailSettings.ToDictionary(s => s.Key, s => s.Value ?? string.Empty);
        settings["Jobs:QueuePollInterval"] = "00:00:00.500";
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string key, string value) =>
        new(settings) { [key] = value };

    /// <summary>A planned meeting of Omsorgsnämnden 20 days ahead (in time for rule 1), as the meeting plan writes it.</summary>
    public static async Task<Guid> InsertMeetingAsync(string connectionString, string place)
    {
        var meetingId = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO meetings (id, organ_id, starts_at, ends_at, place, status, schedule_revision, agenda_revision, notice_version_number, created_at, created_by)
            SELECT @meeting, id, @starts, @ends, @place, 'Planerat', 0, 0, 0, now(), 'e2e'
            FROM organs WHERE short_name = 'OMN';
            """, connection);
        var starts = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20).AddHours(12), TimeSpan.Zero);
        insert.Parameters.AddWithValue("meeting", meetingId);
        insert.Parameters.AddWithValue("starts", starts);
        insert.Parameters.AddWithValue("ends", starts.AddHours(3));
        insert.Parameters.AddWithValue("place", place);
        await insert.ExecuteNonQueryAsync();
        return meetingId;
    }

    /// <summary>The kallelse's sending task of a meeting: status, attempts, the pack it made.</summary>
    public static async Task<(string Status, int Attempts, string? Progress, Guid TaskId)> SendTaskAsync(string connectionString, Guid meetingId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.status, t.attempts, t.progress_text, t.id
            FROM notice_versions v JOIN background_tasks t ON t.id = v.send_task_id
            WHERE v.meeting_id = @meeting ORDER BY v.number DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("meeting", meetingId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return ("None", 0, null, Guid.Empty);
        }

        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetGuid(3));
    }

    /// <summary>The addresses the kallelse of a meeting was sent to, by the portal's own record (one row per recipient).</summary>
    public static async Task<IReadOnlyList<string>> SentToAsync(string connectionString, Guid meetingId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.email FROM notice_recipients r JOIN notice_versions v ON v.id = r.notice_version_id
            WHERE v.meeting_id = @meeting AND r.sent_at IS NOT NULL AND r.email IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("meeting", meetingId);
        var sent = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sent.Add(reader.GetString(0));
        }

        return sent;
    }

    /// <summary>
    /// The job engine's record of a task's job: the servers (instance:pid:id) that started it, in order. Each start is a
    /// "Processing" state; a job that ran once has one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProcessingServersAsync(string connectionString, Guid taskId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.data::jsonb ->> 'ServerId' FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.arguments::text LIKE '%' || @task || '%' ORDER BY s.id
            """, connection);
        command.Parameters.AddWithValue("task", taskId.ToString());
        var servers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            servers.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
        }

        return servers;
    }
}

[CollectionDefinition(Name)]
public sealed class InstancesGroup : ICollectionFixture<InstancesFixture>
{
    public const string Name = "instances";
}
