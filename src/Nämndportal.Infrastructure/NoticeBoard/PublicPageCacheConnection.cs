namespace Nämndportal.Infrastructure.NoticeBoard;

/// <summary>The database whose <c>NOTIFY</c>/<c>LISTEN</c> channel carries the public pages' evictions.</summary>
public sealed record PublicPageCacheConnection(string ConnectionString);
