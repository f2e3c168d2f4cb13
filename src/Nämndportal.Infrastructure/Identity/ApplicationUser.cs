using Microsoft.AspNetCore.Identity;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>A login account. Elected members are also <see cref="Domain.Organisation.Person"/>s linked by user id.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;
}
