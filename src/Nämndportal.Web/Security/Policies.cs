using Nämndportal.Application.Security;

namespace Nämndportal.Web.Security;

/// <summary>
/// Named page policies: who may open a page at all. What a user may then see or change on it (which organ,
/// which date) is decided by <see cref="AccessService"/> inside the handlers; see docs/security.md.
/// </summary>
public static class Policies
{
    /// <summary>Administrators only: the organisation register, logins, the job dashboard.</summary>
    public const string Administration = "Administration";

    /// <summary>Administrators and board secretaries: persons, roster import, print samples.</summary>
    public const string Secretariat = "Sekretariat";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(Administration, policy => policy.RequireRole(Roles.Administrator));
        builder.AddPolicy(Secretariat, policy => policy.RequireRole(Roles.Administrator, Roles.Secretary));
    }
}
