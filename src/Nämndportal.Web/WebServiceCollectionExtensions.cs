using System.Globalization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Web.Components.Account;
using Nämndportal.Web.NoticeBoard;
using Nämndportal.Web.Security;

namespace Nämndportal.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHttpContextAccessor();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddScoped<CircuitLifetime>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitLifetime>());

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, PortalClaimsPrincipalFactory>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = PublicPageOutputCache.AuthenticationCookie;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/konto/logga-in";
            options.LogoutPath = "/konto/logga-ut";
            options.AccessDeniedPath = "/konto/atkomst-nekad";
            // Lifetime and the server-side session store: see ServerSessions.
        });
        services.AddServerSessions(configuration);
        AddOpenIdConnect(authentication, configuration);
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddAntiforgery(options => options.Cookie.Name = PublicPageOutputCache.AntiforgeryCookie);

        services.AddPublicPageOutputCache();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        // Runs before the re-execution of /fel: a lost database gets the Swedish "tillfälligt fel" page (503), not /fel,
        // whose layout and login state would need the database.
        services.AddExceptionHandler<Endpoints.TransientFailurePage>();

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var swedish = new CultureInfo("sv-SE");
            options.DefaultRequestCulture = new RequestCulture(swedish);
            options.SupportedCultures = [swedish];
            options.SupportedUICultures = [swedish];
        });
        return services;
    }

    private static void AddOpenIdConnect(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(OidcOptions.SectionName);
        authentication.Services.Configure<OidcOptions>(section);
        var oidc = section.Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled)
        {
            return;
        }

        authentication.AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.CallbackPath = "/signin-oidc";
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.SaveTokens = false;
            options.Scope.Clear();
            foreach (var scope in oidc.Scopes.DefaultIfEmpty("openid"))
            {
                options.Scope.Add(scope);
            }
        });
    }
}
