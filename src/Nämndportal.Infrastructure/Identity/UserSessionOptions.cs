namespace Nämndportal.Infrastructure.Identity;

/// <summary>How long a signed-in session lives (<see cref="UserSession"/>).</summary>
public sealed class UserSessionOptions
{
    public const string SectionName = "Security:Sessions";

    /// <summary>A session not used for this long, with no page open, is ended.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after the login, however busy.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page re-checks its session (and keeps it alive), its login and its lockout.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests closer together than this do not write the session's last-seen time again.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);
}
