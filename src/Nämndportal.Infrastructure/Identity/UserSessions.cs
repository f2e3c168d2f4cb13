using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>One active session as its owner sees it on "Mina sessioner".</summary>
public sealed record UserSessionRow(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? RemoteAddress, string Browser, bool IsCurrent);

/// <summary>An account with active sessions, for the administrators' list.</summary>
public sealed record UserWithSessionsRow(Guid UserId, string Name, string? Email, int Sessions, DateTimeOffset LastSeenAt);

/// <summary>
/// The server-side sessions (<see cref="UserSession"/>): lists them, ends them (audited) and answers whether one is still
/// active. Ending a session deletes its row: its cookie is refused at the next request and its open pages at their next
/// revalidation, on every instance.
/// </summary>
public sealed class UserSessions(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    LoginAuditTrail audit,
    IOptions<UserSessionOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// The session if it is active, with its last-seen time moved to now (at most once per touch interval); a session
    /// past its idle timeout or absolute lifetime is ended here, with an audit line.
    /// </summary>
    public async Task<UserSession?> TouchAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (!session.IsActiveAt(now, options.Value.IdleTimeout))
        {
            var reason = now >= session.ExpiresAt ? "den längsta tiden för en inloggning har gått ut" : "den har inte använts på en stund";
            await EndAsync(db, [session.Id], session.UserId, $"Session avslutad: {reason}", cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= options.Value.TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sessionId && s.LastSeenAt < now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
            session.LastSeenAt = now;
        }

        return session;
    }

    /// <summary>Whether an open page's session is still active (and keeps it alive: an open page is use).</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken = default) =>
        await TouchAsync(sessionId, cancellationToken) is { } session && session.UserId == userId;

    /// <summary>The signed-in user's active sessions, newest first.</summary>
    public async Task<IReadOnlyList<UserSessionRow>> ListMineAsync(Guid? currentSessionId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var idleSince = now - options.Value.IdleTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.RemoteAddress, s.UserAgent })
            .ToListAsync(cancellationToken);
        return sessions.Select(s => new UserSessionRow(s.Id, s.CreatedAt, s.LastSeenAt, s.RemoteAddress, BrowserName.Describe(s.UserAgent), s.Id == currentSessionId)).ToList();
    }

    /// <summary>Ends one of the signed-in user's own sessions; another user's session id is not found.</summary>
    public async Task<bool> EndMineAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EndAsync(db, [sessionId], userId, "Session avslutad av användaren", cancellationToken) > 0;
    }

    /// <summary>Ends all of the signed-in user's sessions except the one in use.</summary>
    public async Task<int> EndMyOthersAsync(Guid currentSessionId, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.Id != currentSessionId).Select(s => s.Id).ToListAsync(cancellationToken);
        return await EndAsync(db, others, userId, "Session avslutad av användaren", cancellationToken);
    }

    /// <summary>Accounts with active sessions, for an administrator; empty for anyone else.</summary>
    public async Task<IReadOnlyList<UserWithSessionsRow>> ListUsersWithSessionsAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var idleSince = now - options.Value.IdleTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from s in db.UserSessions.AsNoTracking()
                          where s.ExpiresAt > now && s.LastSeenAt > idleSince
                          join u in db.Users on s.UserId equals u.Id
                          group s by new { u.Id, u.DisplayName, u.Email } into g
                          select new { g.Key.Id, g.Key.DisplayName, g.Key.Email, Count = g.Count(), LastSeen = g.Max(s => s.LastSeenAt) })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new UserWithSessionsRow(r.Id, string.IsNullOrEmpty(r.DisplayName) ? r.Email ?? r.Id.ToString() : r.DisplayName, r.Email, r.Count, r.LastSeen))
            .OrderBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true))
            .ToList();
    }

    /// <summary>An administrator ends every session of one account; anyone else is refused (false).</summary>
    public async Task<Result<int>> EndAllForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(cancellationToken);
        var ended = await EndAsync(db, ids, userId, $"Alla sessioner avslutade av administratör {currentUser.UserName}", cancellationToken);
        return Result<int>.Ok(ended);
    }

    /// <summary>Deletes the sessions and writes one audit line per ended session, in one transaction.</summary>
    private async Task<int> EndAsync(AppDbContext db, List<Guid> sessionIds, Guid userId, string summary, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.UserSessions.Where(s => s.UserId == userId && sessionIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        if (ended == 0)
        {
            return 0;
        }

        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        for (var i = 0; i < ended; i++)
        {
            db.AuditTrail.Add(audit.Line(AuditActions.SessionEnded, userId, userName, summary));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }
}

/// <summary>A browser's user agent in a few words: "Firefox på Windows".</summary>
public static class BrowserName
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Okänd webbläsare";
        }

        string browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "Annan webbläsare",
        };
        string? system = userAgent switch
        {
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("Mac OS", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} på {system}";
    }
}
