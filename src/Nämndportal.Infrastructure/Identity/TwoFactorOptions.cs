namespace Nämndportal.Infrastructure.Identity;

public sealed class TwoFactorOptions
{
    public const string SectionName = "Security:TwoFactor";

    /// <summary>Whether holders of <see cref="RequiredForRoles"/> must enrol an authenticator app before they can work.</summary>
    public bool Enforce { get; set; } = true;

    /// <remarks>
    /// The default (Administratör, Nämndsekreterare) is in appsettings.json, not here: the configuration binder adds to a
    /// list it finds filled, so a default in code could never be narrowed by configuration.
    /// </remarks>
    public IList<string> RequiredForRoles { get; } = [];

    public string Issuer { get; set; } = "Nämndportal";
}
