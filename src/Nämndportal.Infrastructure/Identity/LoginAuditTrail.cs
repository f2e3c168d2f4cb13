using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// Writes the audit-trail lines of logins, logouts, second-factor changes and ended sessions (entity type
/// <see cref="AuditTrailEntityTypes.Login"/>). A line names the account (or the address typed, for an unknown one), the
/// client's IP address and the outcome; never a password or a code.
/// </summary>
public sealed class LoginAuditTrail(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private const int MaxUserName = 256;

    public async Task WriteAsync(string action, Guid? userId, string? userName, string summary, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditTrail.Add(Line(action, userId, userName, summary));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A line to add to a context whose save also makes the change it records.</summary>
    public AuditTrailEntry Line(string action, Guid? userId, string? userName, string summary)
    {
        var name = userName is { Length: > MaxUserName } ? userName[..MaxUserName] : userName;
        return new AuditTrailEntry(clock.GetUtcNow(), userId, name, currentUser.RemoteAddress, action, AuditTrailEntityTypes.Login, userId, null, summary);
    }
}
