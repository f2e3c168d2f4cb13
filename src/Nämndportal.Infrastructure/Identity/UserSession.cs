namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// One signed-in browser (*session*): the login cookie holds only this row's id, and the authentication ticket stays
/// here, so that ending the row (logout, the user's or an administrator's "Avsluta", the idle or absolute limit) ends the
/// session on every instance at once. A row that exists and is within its limits is an active session.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The serialized authentication ticket, encrypted with the data-protection key ring.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request or open page (an open circuit touches it at each revalidation).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end: <see cref="CreatedAt"/> plus <see cref="UserSessionOptions.AbsoluteLifetime"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public string? RemoteAddress { get; set; }

    public string? UserAgent { get; set; }

    public bool IsActiveAt(DateTimeOffset now, TimeSpan idleTimeout) => now < ExpiresAt && now - LastSeenAt < idleTimeout;
}
