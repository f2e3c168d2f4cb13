using Nämndportal.Application.Security;

namespace Nämndportal.Infrastructure.Identity;

public sealed class TwoFactorOptions
{
    public const string SectionName = "Security:TwoFactor";

    /// <summary>Whether holders of <see cref="RequiredForRoles"/> must enrol an authenticator app before they can work.</summary>
    public bool Enforce { get; set; } = true;

    public IList<string> RequiredForRoles { get; } = [Roles.Administrator, Roles.Secretary];

    public string Issuer { get; set; } = "Nämndportal";
}
