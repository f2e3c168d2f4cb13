using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nämndportal.E2E.Support;

/// <summary>
/// The real portal, started as its own process from the build output (as in production), on a random loopback
/// port, against a test database. Migrations and demo data are applied at its start-up.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    // Apps still running when the test run ends (a test that failed half-way) are killed with it, so no orphan
    // keeps working on a database a later run recreates under the same name.
    private static readonly List<Process> Running = [];

    // A first start migrates and seeds the demo data; on a loaded 2-core machine that has taken over 90 s.
    private const int ReadySeconds = 180;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The end of the app's output, for failure messages.</summary>
    public string OutputTail => Output.Length > 4000 ? Output[^4000..] : Output;

    /// <summary>What the app wrote until it answered ready: the log of its start-up (migrations, demo data).</summary>
    public string StartupOutput { get; private set; } = string.Empty;

    /// <summary>Everything the app wrote to stdout and stderr, for checks on what is logged.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="sendDemoKallelser">
    /// Whether the demo data's two kallelser are sent at start-up (their jobs print packs with Chromium and mail). Only the
    /// shared portal needs them; a journey with a portal of its own is spared the work (Database:SendDemoKallelser).
    /// </param>
    public static async Task<AppProcess> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string>? settings = null, bool sendDemoKallelser = false)
    {
        var webDirectory = Path.Combine(Repository.Root, "src", "Nämndportal.Web");
        var dll = Path.Combine(webDirectory, "bin", Repository.Configuration, "net10.0", "Nämndportal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The app is not built: {dll} is missing. Run ./dev.sh test, which builds it.");
        }

        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The settings ./dev.sh run uses (Development: migrations, demo data, second factor not enforced), so the
        // journeys test the portal a newcomer starts; a journey that needs another setting passes it.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ConnectionStrings__Default"] = connectionString;
        if (Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") is { Length: > 0 } chromium)
        {
            start.Environment["Pdf__ChromiumPath"] = chromium;
        }

        start.Environment["Database__SendDemoKallelser"] = sendDemoKallelser ? "true" : "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        lock (Running)
        {
            if (Running.Count == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            }

            Running.Add(process);
        }

        var app = new AppProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            // A start that failed or took too long leaves no process behind for the next journey to trip over.
            await app.DisposeAsync();
            throw;
        }

        app.StartupOutput = app.Output;
        return app;
    }

    /// <summary>Ends the app at once, as a crash or a power cut would: no graceful shutdown.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        lock (Running)
        {
            Running.Remove(_process);
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(ReadySeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited during start-up with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not become ready within {ReadySeconds} s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
