using System.Diagnostics;
using System.Net;
using System.Text;

namespace Nämndportal.E2E.Support;

/// <summary>
/// Debian's nginx in front of several portal instances, configured from the same template <c>./dev.sh run --instances N</c>
/// fills in (deploy/nginx/namndportal.conf.template), on a free loopback port, in the foreground, with its files in a
/// temporary folder.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private NginxProcess(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>nginx's error log and what it wrote, for failure messages.</summary>
    public string Log
    {
        get
        {
            var errors = Path.Combine(_folder, "error.log");
            lock (_output)
            {
                return _output + (File.Exists(errors) ? File.ReadAllText(errors) : string.Empty);
            }
        }
    }

    public static async Task<NginxProcess> StartAsync(IEnumerable<string> upstreamBaseUrls)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: ./dev.sh test installs Debian's nginx.");
        }

        var folder = Directory.CreateTempSubdirectory("np-nginx-").FullName;
        var temp = Path.Combine(folder, "temp");
        Directory.CreateDirectory(temp);
        var root = Environment.UserName == "root";
        if (root && !OperatingSystem.IsWindows())
        {
            // As root, nginx's workers run as nobody: they must reach their temporary files.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await RunAsync("chown", "nobody:nogroup", temp);
        }

        var port = IntegrationTests.Support.SmtpTestServer.FreeLoopbackPort();
        var servers = string.Concat(upstreamBaseUrls.Select(url =>
            $"        server {new Uri(url).Authority} max_fails=1 fail_timeout=5s;\n"));
        var template = await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "deploy", "nginx", "namndportal.conf.template"));
        var config = new StringBuilder();
        foreach (var line in template)
        {
            if (line == "@SERVERS@")
            {
                config.Append(servers);
            }
            else if (line.StartsWith('#'))
            {
                config.AppendLine(line);
            }
            else
            {
                config.AppendLine(line
                    .Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
                    .Replace("@RUNTIME@", folder, StringComparison.Ordinal)
                    .Replace("@TEMP@", temp, StringComparison.Ordinal)
                    .Replace("@USER@", root ? "user nobody nogroup;" : string.Empty, StringComparison.Ordinal));
            }
        }

        var file = Path.Combine(folder, "namndportal.conf");
        await File.WriteAllTextAsync(file, config.ToString());
        var start = new ProcessStartInfo(Binary, ["-c", file, "-p", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx could not be started.");
        var nginx = new NginxProcess(process, folder, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => nginx.Append(e.Data);
        process.ErrorDataReceived += (_, e) => nginx.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await nginx.WaitUntilReadyAsync();
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // QUIT: a graceful stop of the master and its workers.
            await RunAsync("kill", "-QUIT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker's file still open: the folder is in /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:\n{Log}");
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
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("nginx did not pass a request to a ready instance within 30 s:\n" + Log);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException(program + " could not be started.");
        await process.WaitForExitAsync();
    }
}
