using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Logins and their roles. A login's line names the fields changed only (a password hash, a security stamp or a
/// key is never written; the stamps Identity renews on every change are left out), and a change of nothing but those
/// stamps is no line at all.
/// </summary>
internal sealed class IdentityAuditDescriber : IAuditDescriber
{
    /// <summary>The kind written for a role given or taken (<c>IdentityUserRole&lt;Guid&gt;</c>).</summary>
    public const string UserRole = "UserRole";

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(ApplicationUser.ConcurrencyStamp), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.AccessFailedCount),
    };

    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup)
    {
        switch (entry.Entity)
        {
            case ApplicationUser user:
                // Line() writes no line for a change whose only fields are the stamps.
                var fields = AuditDescription.ChangedFields(entry).Where(f => !Noise.Contains(f)).ToList();
                return AuditDescription.Line(entry, nameof(ApplicationUser), user.Id, null, $"Inloggning {AuditLookup.LoginName(user)}", fields);

            case IdentityUserRole<Guid> role when entry.State is EntityState.Added or EntityState.Deleted:
                var given = entry.State == EntityState.Added;
                return new AuditLine(
                    given ? AuditActions.Created : AuditActions.Deleted, UserRole, role.UserId, null,
                    $"Roll {lookup.RoleName(role.RoleId)} {(given ? "tilldelad" : "borttagen")} för {lookup.UserName(role.UserId)}");

            default:
                return null;
        }
    }
}
