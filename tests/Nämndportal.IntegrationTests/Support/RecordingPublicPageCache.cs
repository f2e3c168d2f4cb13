using Nämndportal.Application.NoticeBoard;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>The public pages' cache for handlers built by hand: counts the evictions asked for.</summary>
public sealed class RecordingPublicPageCache : IPublicPageCache
{
    private int _evictions;

    public int Evictions => Volatile.Read(ref _evictions);

    public Task EvictAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _evictions);
        return Task.CompletedTask;
    }
}
