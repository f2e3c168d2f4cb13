namespace Nämndportal.Web.Security;

/// <summary>
/// Login through the municipality's own identity provider (Entra ID, an e-legitimation broker) with OpenID Connect.
/// Off unless <see cref="Enabled"/>; users must already have an account, matched on e-mail at first login.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Authentication:Oidc";

    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    /// <summary>The button text on the login page, e.g. "Logga in med e-legitimation".</summary>
    public string DisplayName { get; set; } = "Logga in med kommunens inloggning";

    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? ClientSecret { get; set; }

    /// <summary>Only for a provider on a test network without TLS; never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Requested scopes; the default (openid, profile, email) is in appsettings.json so configuration can replace it.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>The claim that carries the e-mail address used to find the user's account.</summary>
    public string EmailClaim { get; set; } = "email";
}
