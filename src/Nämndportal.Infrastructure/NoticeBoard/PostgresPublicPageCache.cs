using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using Npgsql;
using Nämndportal.Application.NoticeBoard;

namespace Nämndportal.Infrastructure.NoticeBoard;

/// <summary>
/// Evicts the public pages (tag <see cref="Tag"/>) from this instance's output cache, then sends <c>NOTIFY</c> on
/// <see cref="Channel"/> so that every instance's <see cref="CacheInvalidationListener"/> evicts its own. Called after the
/// change committed: a page rendered between the commit and the eviction is dropped too, and one rendered from the old rows
/// by a request that began before the commit lives at most the cache's expiry (the safety net).
/// </summary>
public sealed class PostgresPublicPageCache(
    IOutputCacheStore store, PublicPageCacheConnection connection, ILogger<PostgresPublicPageCache> logger) : IPublicPageCache
{
    /// <summary>The output cache tag of every public page of the anslagstavla.</summary>
    public const string Tag = "anslagstavla";

    /// <summary>The PostgreSQL notification channel every instance listens on.</summary>
    public const string Channel = "np_public_pages";

    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        await store.EvictByTagAsync(Tag, cancellationToken);
        try
        {
            await using var db = new NpgsqlConnection(connection.ConnectionString);
            await db.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", db);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", Tag);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The change is committed; the other instances drop their pages at the latest when the cache entries expire.
            logger.LogWarning(e, "The other instances were not told to evict the public pages ({Channel})", Channel);
        }
    }
}
