using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Application.Meetings;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Benchmarks;

/// <summary>
/// ./dev.sh bench soak (issue 14): ten minutes of mixed load on loopback against the portal (Release, demo data plus the
/// reader benchmark's meeting) while the portal's memory (RSS) and the database's connections are sampled every five
/// seconds. The load: reader circuits stepping through the items (each member logs in again over the login form when
/// they reach the end: the logins), searches, the members' downloads of handlingar (stamped per member), the public
/// anslagstavla, and the secretary's kallelse pack drafts one after another (the pack renders: enqueued as the meeting
/// page does, printed and merged by the portal's own job server). After the warm-up (the first quarter), neither memory nor connections may grow
/// by more than 10 %: growth is the mean of the last minute's samples against the mean of the minute after the warm-up.
/// Last line: "soak: X % memory growth". NP_SOAK_SECONDS (default 600) and NP_SOAK_CIRCUITS (default 20) change it.
/// </summary>
internal static class SoakBenchmark
{
    private static readonly string[] Searches = ["budget", "hemtjänst", "detaljplan", "läsplattor", "yttrande", "förskola", "revision", "bygglov"];

    public static async Task<int> RunAsync(string server)
    {
        var seconds = ReaderBenchmark.IntSetting("NP_SOAK_SECONDS", 600);
        var circuits = ReaderBenchmark.IntSetting("NP_SOAK_CIRCUITS", 20);
        var port = ReaderBenchmark.IntSetting("NP_BENCH_READER_PORT", 5181);
        var chromium = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var name = "naemndportal_bench_soak" + Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString;
        var baseUrl = $"http://127.0.0.1:{port}";

        await ReaderBenchmark.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ReaderBenchmark.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        Process? portal = null;
        try
        {
            Console.WriteLine($"Startar portalen på {baseUrl} (Release, demodata) mot databasen {name}");
            portal = await ReaderBenchmark.StartPortalAsync(baseUrl, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, chromium);
            var data = await ReaderData.SeedAsync(new BenchDbContextFactory(connectionString), circuits + 2);
            var readerUrl = $"{baseUrl}/sammantraden/{data.MeetingId}/las";
            var versions = await VersionsAsync(connectionString, data.MeetingId);
            Console.WriteLine($"{circuits} läsande ledamöter, {versions.Count} handlingar att ladda ned; {seconds} s last; belastning {ReaderBenchmark.LoadAverage()}");

            var counts = new long[7]; // steps, logins, searches, downloads, board views, failures, pack renders
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var samples = new List<(double At, long Rss, long Connections)>();
            var clock = Stopwatch.StartNew();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var sample = (clock.Elapsed.TotalSeconds, ReaderBenchmark.Rss(portal.Id), await ConnectionsAsync(admin, name));
                    lock (samples)
                    {
                        samples.Add(sample);
                    }

                    try
                    {
                        await Task.Delay(5000, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            var readers = Enumerable.Range(0, circuits).Select(i => Task.Run(async () =>
            {
                var random = new Random(149 + i);
                await Task.Delay(random.Next(3000));
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await using var member = await ReaderBenchmark.OpenMemberAsync(baseUrl, readerUrl, data.MemberEmails[i]);
                        Interlocked.Increment(ref counts[1]);
                        for (var item = 2; item <= ReaderData.Items && !stop.IsCancellationRequested; item++)
                        {
                            var step = await member.Circuit.StepAsync(ReaderData.Heading(item), TimeSpan.FromSeconds(30));
                            Interlocked.Increment(ref step is null || member.Circuit.Error is not null ? ref counts[5] : ref counts[0]);
                            if (member.Circuit.Error is not null)
                            {
                                break;
                            }

                            await Task.Delay(1000 + random.Next(2000), CancellationToken.None);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException or OperationCanceledException)
                    {
                        Interlocked.Increment(ref counts[5]);
                    }
                }
            })).ToList();

            // One member who searches, downloads handlingar and looks at the board, over and over.
            var visitor = Task.Run(async () =>
            {
                var random = new Random(7);
                await using var member = await ReaderBenchmark.OpenMemberAsync(baseUrl, readerUrl, data.MemberEmails[circuits]);
                using var anonymous = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
                var round = 0;
                while (!stop.IsCancellationRequested)
                {
                    round++;
                    await CountAsync(member.Http.GetAsync("/sok?q=" + Uri.EscapeDataString(Searches[random.Next(Searches.Length)])), counts, 2);
                    await CountAsync(anonymous.GetAsync("/anslagstavla"), counts, 4);
                    if (versions.Count > 0 && round % 3 == 0)
                    {
                        await CountAsync(member.Http.GetAsync($"{readerUrl}/dokument/{versions[random.Next(versions.Count)]}/ladda-ned"), counts, 3);
                    }

                    await Task.Delay(300 + random.Next(400), CancellationToken.None);
                }
            });

            // The secretary prints the draft of the meeting's kallelse pack, again and again, while the others read.
            var secretary = Task.Run(async () =>
            {
                var jobs = JobClient(connectionString);
                var factory = new BenchDbContextFactory(connectionString);
                while (!stop.IsCancellationRequested)
                {
                    var succeeded = await PrintDraftAsync(factory, jobs, data.MeetingId, stop.Token);
                    if (succeeded is { } ok)
                    {
                        Interlocked.Increment(ref ok ? ref counts[6] : ref counts[5]);
                    }

                    await Task.Delay(3000, CancellationToken.None);
                }
            });

            await Task.WhenAll(readers.Append(visitor).Append(secretary).Append(sampler));
            var warmUp = seconds / 4.0;
            List<(double At, long Rss, long Connections)> after;
            lock (samples)
            {
                after = samples.Where(s => s.At >= warmUp).ToList();
            }

            if (after.Count < 4)
            {
                Console.Error.WriteLine("Too few samples after the warm-up: run longer (NP_SOAK_SECONDS).");
                return 1;
            }

            var first = after.Where(s => s.At < after[0].At + 60).ToList();
            var last = after.Where(s => s.At > after[^1].At - 60).ToList();
            double Growth(Func<(double At, long Rss, long Connections), long> of) =>
                (last.Average(s => of(s)) - first.Average(s => of(s))) / Math.Max(1, first.Average(s => of(s))) * 100;
            var memoryGrowth = Growth(s => s.Rss);
            var connectionGrowth = Growth(s => s.Connections);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Last på {clock.Elapsed.TotalSeconds:F0} s: {counts[0]} steg i läsläget, {counts[1]} inloggningar, {counts[2]} sökningar, {counts[3]} nedladdningar (stämplade per ledamot), {counts[4]} visningar av anslagstavlan, {counts[6]} handlingspaket (utkast) utskrivna, {counts[5]} fel"));
            Console.WriteLine("Minne (RSS, MiB) var 5:e s: " + string.Join(" ", samples.Select(s => s.Rss)));
            Console.WriteLine("Databasens anslutningar var 5:e s: " + string.Join(" ", samples.Select(s => s.Connections)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Efter uppvärmningen ({warmUp:F0} s): minne {first.Average(s => s.Rss):F0} → {last.Average(s => s.Rss):F0} MiB ({memoryGrowth:F1} %), anslutningar {first.Average(s => s.Connections):F1} → {last.Average(s => s.Connections):F1} ({connectionGrowth:F1} %); belastning {ReaderBenchmark.LoadAverage()}, {Environment.ProcessorCount} kärnor"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak-connections: {connectionGrowth:F1} % growth"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {memoryGrowth:F1} % memory growth"));
            var total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4] + counts[6];
            return memoryGrowth <= 10 && connectionGrowth <= 10 && counts[5] <= total / 100 ? 0 : 1;
        }
        finally
        {
            if (portal is { HasExited: false })
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }

            portal?.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ReaderBenchmark.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>The portal's job storage, with the portal's serializer settings, to enqueue as its meeting page does.</summary>
    private static BackgroundJobClient JobClient(string connectionString)
    {
        var storage = GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(bootstrap => bootstrap.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = false,
            });
        return new BackgroundJobClient(storage.Entry);
    }

    /// <summary>
    /// What "Skapa handlingspaket (utkast)" does (<see cref="StartNoticePackDraftHandler"/>): a task and its job; then waits
    /// for the portal to finish it. True when it succeeded, false when it failed or took over five minutes, null when the
    /// soak ended first.
    /// </summary>
    private static async Task<bool?> PrintDraftAsync(BenchDbContextFactory factory, BackgroundJobClient jobs, Guid meetingId, CancellationToken stop)
    {
        Guid taskId;
        await using (var db = factory.Create())
        {
            var task = new BackgroundTask(StartNoticePackDraftHandler.Kind, "Handlingspaket, utkast (belastningsprov)", null);
            db.BackgroundTasks.Add(task);
            await db.SaveChangesAsync(CancellationToken.None);
            taskId = task.Id;
        }

        jobs.Enqueue<RenderNoticePackDraftJob>(job => job.RunAsync(taskId, meetingId, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            await using var db = factory.Create();
            var status = await db.BackgroundTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync(CancellationToken.None);
            if (status is BackgroundTaskStatus.Succeeded or BackgroundTaskStatus.Failed)
            {
                return status == BackgroundTaskStatus.Succeeded;
            }
        }

        return false;
    }

    private static async Task CountAsync(Task<HttpResponseMessage> request, long[] counts, int slot)
    {
        try
        {
            using var response = await request;
            await response.Content.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref counts[slot] : ref counts[5]);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref counts[5]);
        }
    }

    private static async Task<long> ConnectionsAsync(string admin, string database)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<Guid>> VersionsAsync(string connectionString, Guid meetingId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT v.id FROM agenda_item_documents d JOIN agenda_items i ON i.id = d.agenda_item_id
            JOIN document_versions v ON v.document_id = d.case_document_id WHERE i.meeting_id = @meeting
            """, connection);
        command.Parameters.AddWithValue("meeting", meetingId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
