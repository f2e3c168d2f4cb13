using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Web.Security;

/// <summary>
/// Login sessions kept on the server (<see cref="PostgresTicketStore"/>): the cookie holds a session id, the ticket stays
/// in PostgreSQL, and the session's idle timeout and absolute lifetime (<see cref="UserSessionOptions"/>) are enforced there.
/// Also the rate limits of the login forms (<see cref="LoginRateLimiting"/>).
/// </summary>
public static class ServerSessions
{
    public static IServiceCollection AddServerSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var sessions = configuration.GetSection(UserSessionOptions.SectionName).Get<UserSessionOptions>() ?? new UserSessionOptions();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<PostgresTicketStore>((options, store) =>
            {
                options.SessionStore = store;
                // The store ends an idle session; the cookie never outlives the longest a session may last.
                options.ExpireTimeSpan = sessions.AbsoluteLifetime;
                options.SlidingExpiration = false;
            });
        // Identity rebuilds the principal when it re-checks the security stamp; the session's id must come along, or
        // "Mina sessioner" loses track of the current session and open pages fail their revalidation.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            var session = context.CurrentPrincipal?.FindFirst(PostgresTicketStore.SessionIdClaimType);
            if (session is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == session.Type))
            {
                identity.AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
            }

            return Task.CompletedTask;
        });
        services.AddLoginRateLimiting(configuration);
        return services;
    }
}
