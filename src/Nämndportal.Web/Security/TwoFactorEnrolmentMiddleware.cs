using System.Security.Claims;
using Microsoft.Extensions.Options;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Web.Security;

/// <summary>
/// Holders of the roles that require a second factor (Administratör and Nämndsekreterare by default), and members
/// of an organ whose reglemente requires it, reach nothing but the account pages until they have enrolled an
/// authenticator app.
/// </summary>
public sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next, IOptionsMonitor<TwoFactorOptions> options)
{
    public const string EnrolPath = "/konto/tvastegsverifiering/aktivera";

    public Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        var user = context.User;
        if (!settings.Enforce
            || user.Identity?.IsAuthenticated != true
            || user.FindFirst(PortalClaims.TwoFactorEnrolled)?.Value == "true"
            // Signed in through the municipality's identity provider: the provider is responsible for strong login.
            || user.HasClaim(ClaimTypes.AuthenticationMethod, OidcOptions.Scheme)
            || !(settings.RequiredForRoles.Any(user.IsInRole) || user.HasClaim(PortalClaims.TwoFactorRequiredByOrgan, "true"))
            || IsAllowedWithoutSecondFactor(context.Request.Path))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(EnrolPath);
        return Task.CompletedTask;
    }

    private static bool IsAllowedWithoutSecondFactor(PathString path) =>
        path.StartsWithSegments("/konto", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/fel", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase)
        || IsRootStaticAsset(path);

    // The site's own stylesheets and scripts (app.css, app.js, fingerprinted) sit at the root. Data the app serves
    // under deeper paths (a roster export, a file) is not a static asset, even when its name has an extension.
    private static bool IsRootStaticAsset(PathString path) =>
        path.Value is { } value && value.LastIndexOf('/') == 0 && Path.HasExtension(value);
}
