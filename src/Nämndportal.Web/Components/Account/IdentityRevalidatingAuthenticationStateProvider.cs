using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Web.Components.Account;

/// <summary>
/// Re-checks an open page's user every <see cref="UserSessionOptions.RevalidationInterval"/> (a minute by default): an ended
/// session, a locked, deleted or password-changed account turns the circuit's user anonymous, so its handlers refuse from
/// then on. Each check of an active session also counts as use, so a page left open keeps its session alive.
/// </summary>
public sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<UserSessionOptions> sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return IsStillValidAsync(authenticationState.User, cancellationToken);
    }

    /// <summary>Whether a circuit's user may go on: session active, account present, not locked, security stamp unchanged.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.GetUserAsync(principal);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!Guid.TryParse(principal.FindFirstValue(PostgresTicketStore.SessionIdClaimType), out var sessionId)
            || !await scope.ServiceProvider.GetRequiredService<UserSessions>().IsActiveAsync(sessionId, user.Id, cancellationToken))
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
