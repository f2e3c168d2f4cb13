using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Npgsql;

namespace Nämndportal.Benchmarks;

/// <summary>
/// The meeting reader under load (issue 10): the portal started from its Release build on loopback with the demo data and
/// the benchmark's own (<see cref="ReaderData"/>), 200 members each logged in with a real Blazor circuit of
/// <c>/sammantraden/{id}/las</c>, every one stepping through the 25-item agenda with "next item" (the shortcut reader.js
/// passes to the viewer's OnShortcut). The circuits are driven over SignalR as blazor.web.js drives them
/// (<see cref="BlazorCircuit"/>); a step is timed from the shortcut's call until the render batch with the next item's
/// heading arrives: the circuit's round trip, the server's work and its render, what the server must answer. Opening a
/// handling marks it read on the server, as it does in a browser. Then the first page time of a 200-page handling, in a
/// headless Chromium page that loads its PDF with pdf.js for real. Last line: the 95th percentile of the steps,
/// "reader: X ms".
/// </summary>
internal static partial class ReaderBenchmark
{
    private const string OpenDocumentScript = """
        async (title) => {
          const container = document.querySelector('[data-testid=pdf-viewer]');
          const button = [...document.querySelectorAll('.reader-agenda button')].find(b => b.textContent.trim() === title);
          const before = container.dataset.renderedUrl;
          const t0 = performance.now();
          button.click();
          return await new Promise((resolve) => {
            const deadline = t0 + 60000;
            let shown = -1;
            const poll = () => {
              const heading = document.querySelector('[data-testid=reader-document-title]')?.textContent ?? '';
              if (shown < 0 && heading.includes(title)) {
                shown = performance.now() - t0;
              }
              // A page of the handling asked for: the viewer marks each rendered page with its document's address.
              if (heading.includes(title) && container.dataset.renderedUrl && container.dataset.renderedUrl !== before) {
                console.log('np-bench heading ' + shown.toFixed(0) + ' ms, page ' + (performance.now() - t0).toFixed(0) + ' ms');
                resolve(performance.now() - t0);
              } else if (performance.now() > deadline) {
                resolve(-1);
              } else {
                requestAnimationFrame(poll);
              }
            };
            poll();
          });
        }
        """;

    public static async Task<int> RunAsync(string server)
    {
        var circuits = IntSetting("NP_BENCH_READER_CIRCUITS", 200);
        var port = IntSetting("NP_BENCH_READER_PORT", 5180);
        var thinkMs = IntSetting("NP_BENCH_READER_THINK_MS", 2000);
        var chromium = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var name = "naemndportal_bench_reader" + Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString;
        var baseUrl = $"http://127.0.0.1:{port}";
        var total = Stopwatch.StartNew();

        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        Process? portal = null;
        try
        {
            Console.WriteLine($"Startar portalen på {baseUrl} (Release, demodata) mot databasen {name}");
            portal = await StartPortalAsync(baseUrl, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, chromium);
            Console.WriteLine($"Lägger till benchmarkens data: {circuits} ledamöter med inloggning, ett sammanträde med {ReaderData.Items} punkter och en handling på {ReaderData.LongPages} sidor");
            var data = await ReaderData.SeedAsync(new BenchDbContextFactory(connectionString), circuits);
            var readerUrl = $"{baseUrl}/sammantraden/{data.MeetingId}/las";
            Console.WriteLine($"Portalen efter start: {Rss(portal.Id)} MiB; belastning {LoadAverage()}");

            var opened = Stopwatch.StartNew();
            var members = new Member?[circuits];
            using (var gate = new SemaphoreSlim(6))
            {
                await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        members[i] = await OpenMemberAsync(baseUrl, readerUrl, data.MemberEmails[i]);
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException or OperationCanceledException)
                    {
                        // One member whose reader did not open is left out (and counted), not the whole run.
                        Console.WriteLine($"Ledamot {i + 1}: läsläget öppnades inte ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            var open = members.OfType<Member>().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{open.Length} kretsar öppna på {opened.Elapsed.TotalSeconds:F0} s ({circuits - open.Length} öppnades inte; sex ledamöter loggade in åt gången)"));
            circuits = open.Length;
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rssOpen = Rss(portal.Id);
            Console.WriteLine($"Portalens minne med {circuits} kretsar öppna: {rssOpen} MiB (RSS); belastning {LoadAverage()}");

            var loadBefore = LoadAverage();
            var cpuBefore = CpuSeconds(portal.Id);
            var postgresBefore = PostgresCpuSeconds();
            var selfBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            var peak = rssOpen;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(portal.Id));
                    try
                    {
                        await Task.Delay(1000, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            var stepping = Stopwatch.StartNew();
            var times = new List<double>[circuits];
            var failures = 0;
            var lost = 0;
            await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
            {
                var random = new Random(149 + i);
                times[i] = [];
                // Spread the circuits' steps over the think time, as members who do not read in step.
                await Task.Delay(random.Next(thinkMs));
                for (var item = 2; item <= ReaderData.Items; item++)
                {
                    var step = await open[i].Circuit.StepAsync(ReaderData.Heading(item), TimeSpan.FromSeconds(30));
                    if (open[i].Circuit.Error is not null)
                    {
                        // The portal ended the circuit: its remaining steps count as unanswered.
                        Interlocked.Increment(ref lost);
                        Interlocked.Add(ref failures, ReaderData.Items - item + 1);
                        Console.WriteLine($"Ledamot {i + 1}: kretsen avslutades ({open[i].Circuit.Error})");
                        break;
                    }

                    if (step is { } time)
                    {
                        times[i].Add(time.TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }

                    await Task.Delay(thinkMs / 2 + random.Next(thinkMs));
                }
            }));
            var steppingSeconds = stepping.Elapsed.TotalSeconds;
            var cpu = CpuSeconds(portal.Id) - cpuBefore;
            var postgresCpu = PostgresCpuSeconds() - postgresBefore;
            var selfCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - selfBefore;
            var loadAfter = LoadAverage();
            await sampling.CancelAsync();
            await sampler;

            var all = times.SelectMany(t => t).Order().ToList();
            if (all.Count == 0)
            {
                Console.Error.WriteLine("No step was measured: no reader circuit opened or answered.");
                return 1;
            }

            double Percentile(double p) => all[Math.Clamp((int)Math.Ceiling(p * all.Count) - 1, 0, all.Count - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Steg \"nästa punkt\": {all.Count} mätta ({failures} utan svar inom 30 s, {lost} kretsar avslutade) på {steppingSeconds:F0} s, {all.Count / steppingSeconds:F1} steg/s; p50 {Percentile(0.5):F0} ms, p95 {Percentile(0.95):F0} ms, p99 {Percentile(0.99):F0} ms, max {all[^1]:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Portalens processortid under stegningen: {cpu:F0} s av {steppingSeconds:F0} s ({cpu / steppingSeconds * 100:F0} % av en kärna), {cpu * 1000 / Math.Max(1, all.Count):F1} ms per steg; PostgreSQL {postgresCpu:F0} s, benchmarkens kretsar {selfCpu:F0} s"));
            Console.WriteLine($"Portalens minne under stegningen: högst {peak} MiB (RSS), {Rss(portal.Id)} MiB efteråt");
            Console.WriteLine($"Belastning (1, 5, 15 min) före stegningen {loadBefore}, efter {loadAfter}");
            foreach (var member in open)
            {
                await member.DisposeAsync();
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
            var firstPage = await FirstPageAsync(browser, baseUrl, readerUrl, data);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Första sidan av handlingen på {ReaderData.LongPages} sidor ({data.LongDocumentBytes / 1024} KiB): {string.Join(" ", firstPage.Times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; {firstPage.BytesRead / 1024} KiB hämtade per öppning"));

            Console.WriteLine($"Total tid {total.Elapsed:mm\\:ss}; maskin: {Environment.ProcessorCount} kärnor, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB");
            Console.WriteLine($"reader-rss: {rssOpen} MiB");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reader-first-page: {Median(firstPage.Times):F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reader: {Percentile(0.95):F0} ms"));
            return failures > all.Count / 100 ? 1 : 0;
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
            if (Environment.GetEnvironmentVariable("NP_BENCH_KEEP") != "1")
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>One member: logged in over HTTP (the login form, with its antiforgery token), and the reader's circuit.</summary>
    internal sealed class Member(HttpClient http, BlazorCircuit circuit) : IAsyncDisposable
    {
        public BlazorCircuit Circuit { get; } = circuit;

        /// <summary>The member's logged-in HTTP client (the login cookie), for requests beside the circuit.</summary>
        public HttpClient Http { get; } = http;

        public async ValueTask DisposeAsync()
        {
            await Circuit.DisposeAsync();
            Http.Dispose();
        }
    }

    internal static async Task<Member> OpenMemberAsync(string baseUrl, string readerUrl, string email)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(3) };
        try
        {
            var form = await http.GetStringAsync("/konto/logga-in");
            var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            fields["Input.Email"] = email;
            fields["Input.Password"] = ReaderData.Password;
            using var login = await http.PostAsync("/konto/logga-in", new FormUrlEncodedContent(fields));
            if (login.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/konto/logga-in", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException($"{email}: the login was refused ({(int)login.StatusCode}).");
            }

            var circuit = await BlazorCircuit.OpenAsync(http, cookies, new Uri(readerUrl), ReaderData.Heading(1), TimeSpan.FromSeconds(IntSetting("NP_BENCH_READER_OPEN_S", 180)));
            return new Member(http, circuit);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex HiddenInput();

    /// <summary>The user and system time of all PostgreSQL processes on the machine so far (the benchmark's server's).</summary>
    private static double PostgresCpuSeconds()
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    if (File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres")
                    {
                        total += CpuSeconds(pid);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        return total;
    }

    /// <summary>The process's user and system time so far (/proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static async Task LogInAsync(IPage page, string baseUrl, string email, string returnUrl = "/")
    {
        await page.GotoAsync(baseUrl + "/konto/logga-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new() { Timeout = 180_000 });
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(ReaderData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/konto/logga-in", StringComparison.Ordinal), new() { Timeout = 180_000 });
    }

    private static async Task<(List<double> Times, long BytesRead)> FirstPageAsync(IBrowser browser, string baseUrl, string readerUrl, ReaderBenchData data)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        // The cache off, so every opening fetches the file from the server again.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        long bytes = 0;
        var counting = false;
        page.Response += async (_, response) =>
        {
            if (counting && response.Url.Contains("/las/dokument/", StringComparison.Ordinal))
            {
                try
                {
                    var body = await response.BodyAsync();
                    Interlocked.Add(ref bytes, body.Length);
                }
                catch (PlaywrightException)
                {
                }
            }
        };
        if (Environment.GetEnvironmentVariable("NP_BENCH_TRACE") == "1")
        {
            page.Console += (_, message) => Console.WriteLine("  [sida] " + message.Text);
            page.Request += (_, request) => Console.WriteLine($"  [sida] {DateTime.Now:HH:mm:ss.fff} {request.Method} {request.Url} {request.Headers.GetValueOrDefault("range")}");
            page.RequestFinished += (_, request) => Console.WriteLine($"  [sida] {DateTime.Now:HH:mm:ss.fff} klar {request.Url[^12..]} {request.Headers.GetValueOrDefault("range")}");
        }

        await LogInAsync(page, baseUrl, data.MemberEmails[0], new Uri(readerUrl).AbsolutePath);
        await page.Locator("[data-testid=pdf-viewer][data-rendered-page]").WaitForAsync(new() { Timeout = 120_000 });
        var times = new List<double>();
        long perOpening = 0;
        for (var run = 0; run < 5; run++)
        {
            bytes = 0;
            counting = true;
            var ms = await page.EvaluateAsync<double>(OpenDocumentScript, data.LongDocumentTitle);
            await page.WaitForTimeoutAsync(500);
            counting = false;
            perOpening = Math.Max(perOpening, Interlocked.Read(ref bytes));
            times.Add(ms);
            // Back to the first handling, so the next run opens the long one again.
            await page.EvaluateAsync<double>(OpenDocumentScript, "Handling 1: Utredning 1");
        }

        await context.CloseAsync();
        return (times, perOpening);
    }

    internal static async Task<Process> StartPortalAsync(string baseUrl, string connectionString, string chromium)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var web = Path.Combine(root, "src", "Nämndportal.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Nämndportal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The portal is not built: {dll} is missing (benchmarks/reader.sh builds it).");
        }

        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // The settings ./dev.sh run uses (Development: migrations and demo data at start), on the benchmark's own port and database.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Pdf__ChromiumPath"] = chromium;
        start.Environment["Database__SendDemoKallelser"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (Environment.GetEnvironmentVariable("NP_BENCH_TRACE") == "1")
        {
            start.Environment["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Components"] = "Debug";
            start.Environment["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.SignalR"] = "Debug";
        }
        // All 200 members log in from 127.0.0.1 within a few minutes; the portal's limit of login attempts per address
        // (for people, who come from addresses of their own) would refuse all but the first twenty of each minute.
        start.Environment["Security__RateLimits__AttemptsPerAddress"] = "100000";
        if (Environment.GetEnvironmentVariable("NP_BENCH_PORTAL_ENV") is { Length: > 0 } extra)
        {
            // For trials: NAME=VALUE;NAME=VALUE set on the portal's process.
            foreach (var pair in extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = new System.Text.StringBuilder();
        // NP_BENCH_TRACE=1: the portal's own log on the console too.
        var trace = Environment.GetEnvironmentVariable("NP_BENCH_TRACE") == "1";
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); if (trace) { Console.WriteLine("  [portal] " + e.Data); } } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); if (trace) { Console.WriteLine("  [portal] " + e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"The portal exited during start-up:\n{output}");
                }
            }

            try
            {
                if ((await http.GetAsync(baseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The portal did not become ready within 4 minutes.");
    }

    internal static long Rss(int pid) => StatusKiB(pid, "VmRSS:") / 1024;

    /// <summary>The proportional set size (shared pages divided among the processes sharing them), in KiB.</summary>
    private static long PssKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The memory (PSS) of the processes this benchmark started, the portal's process included: Chromium and Playwright's driver.</summary>
    private static long BrowserRss()
    {
        var me = Environment.ProcessId;
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != me && DescendsFrom(pid, me))
            {
                total += PssKiB(pid);
            }
        }

        return total / 1024;
    }

    private static bool DescendsFrom(int pid, int ancestor)
    {
        for (var depth = 0; depth < 8 && pid > 1; depth++)
        {
            var parent = (int)StatusKiB(pid, "PPid:");
            if (parent == ancestor)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }

    private static long StatusKiB(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    internal static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double Median(List<double> values)
    {
        var sorted = values.Where(v => v >= 0).Order().ToList();
        return sorted.Count == 0 ? -1 : sorted[sorted.Count / 2];
    }

    internal static int IntSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
