using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Nämndportal.E2E.Support;

/// <summary>
/// A PostgreSQL cluster of one test's own (Debian's binaries, in a temporary folder, on a free loopback port), which the
/// test may stop and start without disturbing the cluster every other test shares. As root, initdb and postgres run as
/// Debian's postgres user, as ./dev.sh runs them. Trust authentication on 127.0.0.1 only: a throwaway cluster.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;

    private PrivateCluster(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "postgres.log");

    /// <summary>The server's log, for a failure message.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>Creates and starts the cluster, then copies a database of the shared cluster into it (pg_dump | pg_restore).</summary>
    public static async Task<PrivateCluster> StartWithCopyAsync(string sourceConnectionString, string database)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL's binaries are not installed (./dev.sh installs them).");
        var directory = Path.Combine(Path.GetTempPath(), "np-e2e-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var cluster = new PrivateCluster(directory, bin, FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await cluster.RunAsPostgresAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.StartAsync();

        var source = new NpgsqlConnectionStringBuilder(sourceConnectionString);
        await cluster.RunAsPostgresAsync("createdb", ["-h", "127.0.0.1", "-p", cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", database]);
        var dump = Path.Combine(directory, "copy.dump");
        await RunAsync(Path.Combine(bin, "pg_dump"),
            ["-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", source.Username!, "-Fc", "-f", dump, source.Database!],
            new Dictionary<string, string> { ["PGPASSWORD"] = source.Password ?? string.Empty });
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", dump]);
        }

        await cluster.RunAsPostgresAsync("pg_restore", ["-h", "127.0.0.1", "-p", cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "--no-owner", "--exit-on-error", "-d", database, dump]);
        return cluster;
    }

    public Task StartAsync() => RunAsPostgresAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='{_directory}'", "start",
    ]);

    /// <summary>Stops the server at once, as a crash or an operator's restart does: every session ends, nothing is waited for.</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // postgres may not enter the checkout (a home folder): run from /.
            WorkingDirectory = "/",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
