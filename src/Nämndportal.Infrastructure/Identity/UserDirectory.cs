using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// The use cases' view of the login accounts, backed by ASP.NET Core Identity. Reads use a context of their own:
/// the UserManager's context is shared by a whole Blazor circuit, and two sections of one page asking for names at
/// the same moment must not meet in it.
/// </summary>
public sealed class UserDirectory(UserManager<ApplicationUser> users, IDbContextFactory<AppDbContext> dbFactory) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id.ToString() : u.DisplayName, cancellationToken);
    }

    public async Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new UserContact(string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? string.Empty : u.DisplayName, u.Email))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Application.Organisation.Lookup>> StaffAsync(CancellationToken cancellationToken = default)
    {
        var staffRoles = Application.Security.Roles.All.Except([Application.Security.Roles.Member, Application.Security.Roles.Substitute]).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where staffRoles.Contains(r.Name!)
                          select new { u.Id, u.DisplayName, u.Email, Role = r.Name! }).ToListAsync(cancellationToken);
        var staff = new Dictionary<Guid, string>();
        foreach (var role in staffRoles)
        {
            foreach (var user in rows.Where(r => r.Role == role))
            {
                staff[user.Id] = $"{(string.IsNullOrEmpty(user.DisplayName) ? user.Email : user.DisplayName)} ({role})";
            }
        }

        return staff.Select(s => new Application.Organisation.Lookup(s.Key, s.Value)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
    }

    public async Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.DeleteAsync(user);
        }
    }

    public async Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Error.Invalid("Det finns redan en inloggning med den e-postadressen.");
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Error.Invalid(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? Result<Guid>.Ok(user.Id) : Error.Invalid(string.Join(" ", added.Errors.Select(e => e.Description)));
    }

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default)
    {
        var normalized = userNames.ToDictionary(n => n, n => n.ToUpperInvariant(), StringComparer.Ordinal);
        var wanted = normalized.Values.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName != null && wanted.Contains(u.NormalizedUserName) && u.DisplayName != "")
            .ToDictionaryAsync(u => u.NormalizedUserName!, u => u.DisplayName, cancellationToken);
        return normalized.Where(n => names.ContainsKey(n.Value)).ToDictionary(n => n.Key, n => names[n.Value], StringComparer.Ordinal);
    }
}
