namespace Nämndportal.Application.NoticeBoard;

/// <summary>
/// The anslagstavla's public pages are served from each instance's output cache (glossary: utdatacache). Whatever changes
/// what the board shows calls <see cref="EvictAsync"/> once its change is committed, and the pages are dropped on every
/// instance: a notice taken down must never be served by another instance's cache.
/// </summary>
public interface IPublicPageCache
{
    /// <summary>Drops the cached public pages on this instance at once and asks every other instance to do the same.</summary>
    Task EvictAsync(CancellationToken cancellationToken = default);
}
