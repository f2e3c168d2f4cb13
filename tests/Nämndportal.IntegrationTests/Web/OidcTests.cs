using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

/// <summary>OpenID Connect login against a small identity provider on loopback that serves only its discovery document.</summary>
public class OidcTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Configured_provider_is_read_and_the_login_challenge_redirects_to_it_with_PKCE()
    {
        await using var provider = await StartProviderAsync();
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Enabled"] = "true",
            ["Authentication:Oidc:DisplayName"] = "Logga in med e-legitimation",
            ["Authentication:Oidc:Authority"] = provider.Urls.Single(),
            ["Authentication:Oidc:ClientId"] = "naemndportal-test",
            ["Authentication:Oidc:ClientSecret"] = "hemligt",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });

        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get("oidc");
        options.ClientId.ShouldBe("naemndportal-test");
        options.Authority.ShouldBe(provider.Urls.Single());
        options.UsePkce.ShouldBeTrue();

        using var client = app.CreateBrowserLikeClient();
        (await client.GetStringAsync("/konto/logga-in")).ShouldContain("Logga in med e-legitimation");

        var challenge = await client.GetAsync("/konto/extern-inloggning?returnUrl=%2F");

        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = challenge.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(provider.Urls.Single() + "/authorize");
        location.Query.ShouldContain("client_id=naemndportal-test");
        location.Query.ShouldContain("response_type=code");
        location.Query.ShouldContain("code_challenge=");
        location.Query.ShouldContain(Uri.EscapeDataString("/signin-oidc"));
    }

    [Fact]
    public async Task Without_configuration_there_is_no_external_login()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();
        (await client.GetStringAsync("/konto/logga-in")).ShouldNotContain("extern-inloggning");
        (await client.GetAsync("/konto/extern-inloggning")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<WebApplication> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = builder.Build();
        provider.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["userinfo_endpoint"] = issuer + "/userinfo",
                ["jwks_uri"] = issuer + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            });
        });
        provider.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await provider.StartAsync();
        return provider;
    }
}
