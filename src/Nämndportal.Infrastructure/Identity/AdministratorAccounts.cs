using Microsoft.AspNetCore.Identity;
using Nämndportal.Application.Security;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>Creates the first administrator of a new installation (`Nämndportal.Web create-admin`); later accounts are made in the portal.</summary>
public sealed class AdministratorAccounts(UserManager<ApplicationUser> users)
{
    /// <returns>Empty when created; otherwise the reasons, in Swedish.</returns>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string password)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ["Det finns redan ett konto med den e-postadressen."];
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        return role.Succeeded ? [] : role.Errors.Select(e => e.Description).ToList();
    }
}
