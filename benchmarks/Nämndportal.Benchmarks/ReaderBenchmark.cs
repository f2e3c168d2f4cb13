using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Npgsql;

namespace Nämndportal.Benchmarks;

/// <summary>
/// The meeting reader under load (issue 10): the portal started from its Release build on loopback with the demo data and
/// the benchmark's own (<see cref="ReaderData"/>), 200 members each with a real Blazor circuit of
/// <c>/sammantraden/{id}/las</c> in a headless Chromium, every one stepping through the 25-item agenda with "next item"
/// (Alt+Shift+Page Down, the shortcut reader.js listens for). One step is timed in the page, from the key event to the
/// item's heading in the DOM: the circuit's round trip and render, what the server must answer. The viewer's PDF
/// requests are refused in these pages (NP_BENCH_READER_PDFS=1 lets them through), so 200 pdf.js renderings do not eat
/// the two cores the server is measured on. Then the first page time of a 200-page handling, in one more page that loads
/// its PDF for real. Last line: the 95th percentile of the steps, "reader: X ms".
/// </summary>
internal static class ReaderBenchmark
{
    private const int MembersPerContext = 20;

    private static readonly string[] BlockedUrls = ["*/las/dokument/*", "*/tjansteskrivelse"];

    private const string StepScript = """
        async (n) => {
          const main = document.querySelector('.reader-main');
          const prefix = n + '. ';
          const heading = () => (document.querySelector('[data-testid=reader-document-title]')?.textContent ?? '').trim();
          return await new Promise((resolve) => {
            let observer = null;
            const t0 = performance.now();
            const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 30000);
            observer = new MutationObserver(() => {
              if (heading().startsWith(prefix)) {
                const t = performance.now() - t0;
                observer.disconnect();
                clearTimeout(timer);
                resolve(t);
              }
            });
            observer.observe(main, { childList: true, characterData: true, subtree: true });
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
          });
        }
        """;

    private const string OpenDocumentScript = """
        async (title) => {
          const container = document.querySelector('[data-testid=pdf-viewer]');
          const button = [...document.querySelectorAll('.reader-agenda button')].find(b => b.textContent.trim() === title);
          delete container.dataset.renderedPage;
          const t0 = performance.now();
          button.click();
          return await new Promise((resolve) => {
            const deadline = t0 + 60000;
            const poll = () => {
              const heading = document.querySelector('[data-testid=reader-document-title]')?.textContent ?? '';
              if (heading.includes(title) && container.dataset.renderedPage) {
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
        var logins = Math.Min(circuits, IntSetting("NP_BENCH_READER_LOGINS", circuits));
        var port = IntSetting("NP_BENCH_READER_PORT", 5180);
        var thinkMs = IntSetting("NP_BENCH_READER_THINK_MS", 2000);
        var loadPdfs = Environment.GetEnvironmentVariable("NP_BENCH_READER_PDFS") == "1";
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

            using var playwright = await Playwright.CreateAsync();
            // The 200 pages are the load generator, on the same two cores as the server. A browser context per member meant
            // a renderer process per page (Chromium never shares one between contexts): some 300 processes kept the machine
            // at a load of 30–70 and the steps measured the browser more than the portal. So twenty members' pages share a
            // context, each member on a host name of their own (m17.localhost: Chromium sends *.localhost to loopback,
            // and a cookie stays with its host), and the pages share 16 renderer processes; Playwright's shared memory
            // stays in /dev/shm instead of files under /tmp.
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium, Headless = true,
                Args = ["--renderer-process-limit=48", "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process", "--disable-gpu"],
                IgnoreDefaultArgs = ["--disable-dev-shm-usage"],
            });
            // Twenty members to a context, so no pool of connections serves too many pages.
            var shared = new IBrowserContext[(logins + MembersPerContext - 1) / MembersPerContext];
            for (var c = 0; c < shared.Length; c++)
            {
                shared[c] = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "sv-SE" });
            }


            var opened = Stopwatch.StartNew();
            var perLogin = (circuits + logins - 1) / logins;
            var opening = new List<IPage>[logins];
            using (var gate = new SemaphoreSlim(6))
            {
                await Task.WhenAll(Enumerable.Range(0, logins).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        var host = $"http://m{i + 1}.localhost:{port}";
                        opening[i] = await OpenReadersAsync(shared[i / MembersPerContext], host, host + new Uri(readerUrl).AbsolutePath, data.MemberEmails[i], Math.Min(perLogin, circuits - (i * perLogin)), loadPdfs);
                    }
                    catch (PlaywrightException e)
                    {
                        // One member's pages that did not open are left out (and counted), not the whole run.
                        Console.WriteLine($"Ledamot {i + 1}: läsläget öppnades inte ({e.GetType().Name})");
                        opening[i] = [];
                    }
                    catch (TimeoutException e)
                    {
                        Console.WriteLine($"Ledamot {i + 1}: läsläget öppnades inte ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
                        opening[i] = [];
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            var pages = opening.SelectMany(p => p).ToArray();
            circuits = pages.Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{circuits} kretsar öppna på {opened.Elapsed.TotalSeconds:F0} s: {logins} inloggade ledamöter, {perLogin} läslägen var (sex ledamöter åt gången)"));
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rssOpen = Rss(portal.Id);
            Console.WriteLine($"Portalens minne med {circuits} kretsar öppna: {rssOpen} MiB (RSS); belastning {LoadAverage()}");

            var loadBefore = LoadAverage();
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
                    double ms;
                    try
                    {
                        ms = await pages[i].EvaluateAsync<double>(StepScript, item);
                    }
                    catch (PlaywrightException)
                    {
                        // The page went away under the step: blazor.web.js reloads a page whose circuit the server no
                        // longer knows. The circuit is lost: its remaining steps count as unanswered.
                        Interlocked.Increment(ref lost);
                        Interlocked.Add(ref failures, ReaderData.Items - item + 1);
                        break;
                    }

                    if (ms < 0)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    else
                    {
                        times[i].Add(ms);
                    }

                    await Task.Delay(thinkMs / 2 + random.Next(thinkMs));
                }
            }));
            var steppingSeconds = stepping.Elapsed.TotalSeconds;
            var loadAfter = LoadAverage();
            await sampling.CancelAsync();
            await sampler;

            var all = times.SelectMany(t => t).Order().ToList();
            double Percentile(double p) => all[Math.Clamp((int)Math.Ceiling(p * all.Count) - 1, 0, all.Count - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Steg \"nästa punkt\": {all.Count} mätta ({failures} utan svar inom 30 s, {lost} kretsar tappade) på {steppingSeconds:F0} s, {all.Count / steppingSeconds:F1} steg/s; p50 {Percentile(0.5):F0} ms, p95 {Percentile(0.95):F0} ms, p99 {Percentile(0.99):F0} ms, max {all[^1]:F0} ms"));
            Console.WriteLine($"Portalens minne under stegningen: högst {peak} MiB (RSS), {Rss(portal.Id)} MiB efteråt");
            Console.WriteLine($"Belastning (1, 5, 15 min) före stegningen {loadBefore}, efter {loadAfter}; Chromium och Playwright {BrowserRss() - PssKiB(portal.Id) / 1024} MiB (PSS)");

            var firstPage = await FirstPageAsync(browser, baseUrl, readerUrl, data);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Första sidan av handlingen på {ReaderData.LongPages} sidor ({data.LongDocumentBytes / 1024} KiB): {string.Join(" ", firstPage.Times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; {firstPage.BytesRead / 1024} KiB hämtade per öppning"));

            foreach (var context in shared)
            {
                await context.CloseAsync();
            }

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

    /// <summary>One member's login (on the member's own host name) with <paramref name="count"/> reader pages, each its own circuit.</summary>
    private static async Task<List<IPage>> OpenReadersAsync(IBrowserContext context, string baseUrl, string readerUrl, string email, int count, bool loadPdfs)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            if (!loadPdfs)
            {
                // Blocked by the browser itself (a Playwright route would turn the context's cache off).
                var cdp = await context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Network.enable");
                await cdp.SendAsync("Network.setBlockedURLs", new Dictionary<string, object> { ["urls"] = BlockedUrls });
            }

            if (i == 0)
            {
                await LogInAsync(page, baseUrl, email, new Uri(readerUrl).AbsolutePath);
            }
            else
            {
                // A loaded shared machine can take long to answer; the default 30 s once ended a whole run.
                await page.GotoAsync(readerUrl, new() { Timeout = 180_000 });
            }

            await page.Locator("[data-testid=reader-document-title]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*1\\. ") })
                .WaitForAsync(new() { Timeout = 180_000 });
            // The circuit has rendered the page interactive; the viewer's module then listens for the shortcut.
            await page.WaitForFunctionAsync("() => document.querySelector('main.main-content[data-interactive=\"true\"]') !== null", null, new() { Timeout = 180_000, PollingInterval = 100 });
            pages.Add(page);
        }

        return pages;
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

    private static async Task<Process> StartPortalAsync(string baseUrl, string connectionString, string chromium)
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
        // All 200 members log in from 127.0.0.1 within a few minutes; the portal's limit of login attempts per address
        // (for people, who come from addresses of their own) would refuse all but the first twenty of each minute.
        start.Environment["Security__RateLimits__AttemptsPerAddress"] = "100000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
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

    private static long Rss(int pid) => StatusKiB(pid, "VmRSS:") / 1024;

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

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double Median(List<double> values)
    {
        var sorted = values.Where(v => v >= 0).Order().ToList();
        return sorted.Count == 0 ? -1 : sorted[sorted.Count / 2];
    }

    private static int IntSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
