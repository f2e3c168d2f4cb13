using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Security;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary><see cref="IAccountRoles"/> from ASP.NET Core Identity's tables.</summary>
public sealed class IdentityAccountRoles(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IAccountRoles
{
    public async Task<AccountRoles?> ActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(cancellationToken);
        return new AccountRoles(account.UserName ?? userId.ToString(), roles.ToHashSet(StringComparer.Ordinal));
    }
}
