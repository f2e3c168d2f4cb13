using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>The use cases' view of the login accounts, backed by ASP.NET Core Identity.</summary>
public sealed class UserDirectory(UserManager<ApplicationUser> users) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        await users.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id.ToString() : u.DisplayName, cancellationToken);

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
}
