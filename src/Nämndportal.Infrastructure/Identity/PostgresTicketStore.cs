using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// Keeps login tickets in PostgreSQL (<see cref="UserSession"/>), so the cookie carries only a session id and a session
/// ended on one instance is ended on all. A session past its idle timeout or absolute lifetime is ended when it is next
/// presented.
/// </summary>
public sealed class PostgresTicketStore(
    IServiceScopeFactory scopeFactory,
    IDataProtectionProvider dataProtection,
    IOptions<UserSessionOptions> options,
    TimeProvider clock) : ITicketStore
{
    /// <summary>The claim that tells a signed-in principal which session it belongs to.</summary>
    public const string SessionIdClaimType = "np:session";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Nämndportal.UserSession.Ticket");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A login ticket without a user id."));
        var now = clock.GetUtcNow();
        var userAgent = httpContext?.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.AbsoluteLifetime,
            RemoteAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, 512)],
        };
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id.ToString();
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        // The claims may change (a new security stamp); the limits never move, and neither does the user. The cookie
        // handler renews (keeps the key) when someone signs in on a browser that still has a session: that session
        // must not become the new user's, or a copy of the old cookie would follow them (session fixation). It is
        // ended instead, and the new user signs in again with a session of their own.
        var userId = Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var uid) ? uid : Guid.Empty;
        var bytes = Protect(ticket);
        var now = clock.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var renewed = await db.UserSessions.Where(s => s.Id == id && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenAt, now), cancellationToken);
        if (renewed == 0)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return null;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        var session = await sessions.TouchAsync(id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (ticket?.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionIdClaimType, session.Id.ToString()));
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket)
    {
        // The session id claim is added on every read; it is not part of what is stored.
        foreach (var identity in ticket.Principal.Identities)
        {
            foreach (var claim in identity.FindAll(SessionIdClaimType).ToList())
            {
                identity.RemoveClaim(claim);
            }
        }

        return _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }
}
