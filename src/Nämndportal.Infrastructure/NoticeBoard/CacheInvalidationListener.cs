using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nämndportal.Infrastructure.NoticeBoard;

/// <summary>
/// On every instance: <c>LISTEN</c>s on <see cref="PostgresPublicPageCache.Channel"/> on a dedicated connection and evicts
/// the public pages from this instance's output cache when another instance (or this one) says something changed. When the
/// connection is lost (PostgreSQL restarted, a network fault) it reconnects with a growing pause, and evicts everything on
/// every (re)connect: notifications sent while it was away are lost.
/// </summary>
public sealed class CacheInvalidationListener(
    IOutputCacheStore store, PublicPageCacheConnection connection, ILogger<CacheInvalidationListener> logger) : BackgroundService
{
    /// <summary>The listener's application name in <c>pg_stat_activity</c> (ASCII: PostgreSQL masks other characters there).</summary>
    public const string ApplicationName = "Namndportal utdatacache";

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _evictions;

    /// <summary>Completes once the listener's current connection is listening (a test waits for it before notifying).</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    /// <summary>How many times this listener has evicted the pages (on a notification or a (re)connect).</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listenerConnection = new NpgsqlConnectionStringBuilder(connection.ConnectionString)
        {
            ApplicationName = ApplicationName,
            // Its own physical connection, never returned broken to the pool the handlers share.
            Pooling = false,
        }.ConnectionString;
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(listenerConnection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                if (Listening.IsCompleted)
                {
                    Volatile.Write(ref _listening, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    pause = TimeSpan.FromSeconds(1);
                }

                logger.LogWarning("The public pages' cache listener lost the database ({Error}); trying again in {Pause} s", e.Message, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var db = new NpgsqlConnection(connectionString);
        var notified = 0;
        db.Notification += (_, _) => Interlocked.Exchange(ref notified, 1);
        await db.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresPublicPageCache.Channel}", db))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever was published while this instance did not listen is unknown: start from an empty cache.
        await EvictAsync(stoppingToken);
        Volatile.Read(ref _listening).TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await db.WaitAsync(ProbeInterval, stoppingToken))
            {
                // Nothing for a while: make sure the connection still lives, or a silently dead one would miss everything.
                await using var probe = new NpgsqlCommand("SELECT 1", db);
                await probe.ExecuteScalarAsync(stoppingToken);
            }

            if (Interlocked.Exchange(ref notified, 0) == 1)
            {
                await EvictAsync(stoppingToken);
            }
        }
    }

    private async Task EvictAsync(CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(PostgresPublicPageCache.Tag, cancellationToken);
        Interlocked.Increment(ref _evictions);
    }
}
