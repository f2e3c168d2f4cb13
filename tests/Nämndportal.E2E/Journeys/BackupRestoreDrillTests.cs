using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using Nämndportal.E2E.Support;
using Xunit.Abstractions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// The backup and restore drill (issue 14), with the operator's own commands: <c>./dev.sh backup</c>, then data and files
/// change, then <c>./dev.sh restore FILE --yes</c>, and every table of the portal, the files' bytes included (file_blobs,
/// ADR 0005), equals what it was at the backup, row for row. A portal started on the restored database is ready.
/// </summary>
[Collection(PortalGroup.Name)]
public class BackupRestoreDrillTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Backup_then_changes_then_restore_gives_back_the_data_and_files_of_the_backup()
    {
        _ = portal;
        // Without pooling: the restore drops the database, and with it every pooled connection to it.
        var connectionString = new NpgsqlConnectionStringBuilder(await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_drill")) { Pooling = false }.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var atBackup = await FingerprintAsync(connectionString);
        atBackup["file_blobs"].Rows.ShouldBeGreaterThan(0, "the demo data holds files");

        var backup = (await DevShAsync(database, "backup")).Trim().Split('\n')[^1].Trim();
        File.Exists(backup).ShouldBeTrue(backup);
        try
        {
            // After the backup: a case renamed, a file's bytes changed, a new file, a note deleted.
            await ExecuteAsync(connectionString, """
                UPDATE cases SET title = title || ' (ändrad efter säkerhetskopian)' WHERE id = (SELECT id FROM cases ORDER BY id LIMIT 1);
                UPDATE file_blobs SET content = content || '\x00'::bytea WHERE sha256 = (SELECT sha256 FROM file_blobs ORDER BY sha256 LIMIT 1);
                INSERT INTO file_blobs (sha256, length, content) VALUES (repeat('ab', 32), 3, '\x010203'::bytea);
                DELETE FROM member_notes WHERE id = (SELECT id FROM member_notes ORDER BY id LIMIT 1);
                """);
            var changed = await FingerprintAsync(connectionString);
            Differences(atBackup, changed).ShouldContain("cases");
            Differences(atBackup, changed).ShouldContain("file_blobs");

            var watch = Stopwatch.StartNew();
            await DevShAsync(database, "restore", backup, "--yes");
            watch.Stop();
            output.WriteLine($"Restore of the demo database took {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");

            var restored = await FingerprintAsync(connectionString);
            Differences(atBackup, restored).ShouldBeEmpty("every table equals the backup");
            (await ScalarAsync(connectionString, "SELECT count(*) FROM file_blobs WHERE encode(sha256(content), 'hex') <> sha256")).ShouldBe(0L, "every file's bytes match its checksum");

            await using var app = await AppProcess.StartAsync(connectionString);
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            (await http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static List<string> Differences(IReadOnlyDictionary<string, (long Rows, string Digest)> expected, IReadOnlyDictionary<string, (long Rows, string Digest)> actual) =>
        expected.Keys.Union(actual.Keys)
            .Where(table => !expected.TryGetValue(table, out var e) || !actual.TryGetValue(table, out var a) || e != a)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Per table of the portal's schema (and the job engine's): its row count and a digest of all its rows.</summary>
    private static async Task<Dictionary<string, (long Rows, string Digest)>> FingerprintAsync(string connectionString)
    {
        var tables = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname IN ('public', 'hangfire') ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprint = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t", connection) { CommandTimeout = 300 };
            await using var reader = await digest.ExecuteReaderAsync();
            await reader.ReadAsync();
            fingerprint[table.Replace("public.", string.Empty, StringComparison.Ordinal)] = (reader.GetInt64(0), reader.GetString(1));
        }

        return fingerprint;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs ./dev.sh against the test cluster's port and the drill's database; returns its standard output.</summary>
    private static async Task<string> DevShAsync(NpgsqlConnectionStringBuilder database, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "dev.sh"), arguments)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NP_PG_PORT"] = database.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["NP_DB_NAME"] = database.Database!;
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"./dev.sh {string.Join(' ', arguments)}: {await standardError}{await standardOutput}");
        return await standardOutput;
    }
}
