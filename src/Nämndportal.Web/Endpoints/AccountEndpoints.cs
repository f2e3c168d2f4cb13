using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Web.Security;

namespace Nämndportal.Web.Endpoints;

/// <summary>Logout and the OpenID Connect round trip; the login forms themselves are static Razor pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/konto");

        group.MapPost("/logga-ut", async (HttpContext context, SignInManager<ApplicationUser> signInManager, LoginAuditTrail audit, [FromForm] string? returnUrl) =>
        {
            // Signing out deletes the server-side session (PostgresTicketStore.RemoveAsync): a copy of the cookie is dead too.
            if (Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                await audit.WriteAsync(Nämndportal.Domain.AuditTrail.AuditActions.LoggedOut, userId, context.User.Identity?.Name, "Utloggad");
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl, "/konto/logga-in"));
        });

        group.MapGet("/extern-inloggning", (
            IOptions<OidcOptions> oidc,
            SignInManager<ApplicationUser> signInManager,
            string? returnUrl) =>
        {
            if (!oidc.Value.Enabled)
            {
                return Results.NotFound();
            }

            var redirect = $"/konto/extern-inloggning/tillbaka?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl, "/"))}";
            var properties = signInManager.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, redirect);
            return Results.Challenge(properties, [OidcOptions.Scheme]);
        });

        group.MapGet("/extern-inloggning/tillbaka", async (
            HttpContext context,
            IOptions<OidcOptions> oidc,
            SignInManager<ApplicationUser> signInManager,
            UserManager<ApplicationUser> userManager,
            IOptions<TwoFactorOptions> twoFactor,
            ILoggerFactory loggerFactory,
            string? returnUrl) =>
        {
            var logger = loggerFactory.CreateLogger("Nämndportal.Web.ExternalLogin");
            var info = await signInManager.GetExternalLoginInfoAsync();
            if (info is null)
            {
                return Results.LocalRedirect("/konto/logga-in?fel=extern");
            }

            var result = await signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
            if (!result.Succeeded && !result.IsLockedOut)
            {
                // First login through the provider: link it to the existing account with the same e-mail address,
                // but only when the provider vouches for the address (email_verified), and never for an account
                // whose role requires the portal's own second factor: such a link is made by an administrator.
                var email = info.Principal.FindFirstValue(oidc.Value.EmailClaim);
                var verified = string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
                var user = email is null || !verified ? null : await userManager.FindByEmailAsync(email);
                if (user is not null && !await userManager.IsLockedOutAsync(user)
                    && !(await userManager.GetRolesAsync(user)).Any(twoFactor.Value.RequiredForRoles.Contains)
                    && (await userManager.AddLoginAsync(user, info)).Succeeded)
                {
                    await signInManager.SignInAsync(user, isPersistent: false, info.LoginProvider);
                    result = Microsoft.AspNetCore.Identity.SignInResult.Success;
                }
            }

            if (result.Succeeded && await userManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } signedIn)
            {
                await context.RequestServices.GetRequiredService<LoginAuditTrail>().WriteAsync(
                    Nämndportal.Domain.AuditTrail.AuditActions.LoggedIn, signedIn.Id, signedIn.UserName, "Inloggad via kommunens inloggningstjänst (OpenID Connect)");
            }

            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!result.Succeeded)
            {
                logger.LogWarning("External login from {Provider} did not match an active account", info.LoginProvider);
                return Results.LocalRedirect("/konto/logga-in?fel=extern");
            }

            return Results.LocalRedirect(SafeReturnUrl(returnUrl, "/"));
        });

        return endpoints;
    }

    /// <summary>Only local paths are followed after login, so a crafted link cannot send the user elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && RedirectHttpResult.IsLocalUrl(returnUrl) && !returnUrl.StartsWith('~')
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : fallback;
}
