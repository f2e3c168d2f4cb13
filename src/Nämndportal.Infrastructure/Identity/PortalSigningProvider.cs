using Microsoft.AspNetCore.Identity;
using Nämndportal.Application.Minutes;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// The portal's own signing provider (rule 27): the signer types their password and a code from their authenticator app
/// at the moment of signing. The code is checked by the replay-proof provider, so a code already used (for the login, or
/// for another signature) is refused and the signer waits for the next one. Wrong passwords count towards the lockout
/// as at the login. Only the strong authentication is this provider's; what is signed and by whom is the protokoll's.
/// </summary>
public sealed class PortalSigningProvider(UserManager<ApplicationUser> users, TimeProvider clock) : ISigningProvider
{
    public const string ProviderName = "portal";

    public string Name => ProviderName;

    public async Task<SigningResult> AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return SigningResult.Refused("Kontot finns inte.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return SigningResult.Refused("Kontot är tillfälligt spärrat efter för många felaktiga försök. Försök igen om en stund.");
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return SigningResult.Refused("Justering kräver tvåstegsverifiering. Aktivera den under Tvåstegsverifiering i menyn och försök igen.");
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            return SigningResult.Refused("Lösenordet stämmer inte.");
        }

        var code = request.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            return SigningResult.Refused("Engångskoden stämmer inte, eller har redan använts. Vänta på nästa kod i appen och försök igen.");
        }

        await users.ResetAccessFailedCountAsync(user);
        return SigningResult.Ok(new StrongAuthentication(clock.GetUtcNow(), SecondFactor: true, "Lösenord och engångskod"));
    }
}
