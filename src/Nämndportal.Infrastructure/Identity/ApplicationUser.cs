using Microsoft.AspNetCore.Identity;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>A login account. Elected members are also <see cref="Domain.Organisation.Person"/>s linked by user id.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// The time step of the last accepted authenticator code: a code of this step or an earlier one is refused (ASVS
    /// 2.8.4). Written only by <see cref="ReplayProofAuthenticatorTokenProvider"/>'s conditional update.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}
