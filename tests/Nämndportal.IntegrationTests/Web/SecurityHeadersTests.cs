using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class SecurityHeadersTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string AdminEmail = "drift@exempelby.se";
    private const string AdminPassword = "Drift-Konto-2026-x";

    [Theory]
    [InlineData("/konto/logga-in", "a page")]
    [InlineData("/app.css", "a static file")]
    [InlineData("/health/ready", "an API answer")]
    [InlineData("/arenden", "a redirect to the login page")]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, string what)
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], what);
        AssertSecurityHeaders(response, what);
    }

    [Fact]
    public async Task The_job_dashboard_carries_the_security_headers_and_says_its_charset()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await CreateAdministratorAsync(app);
        using var client = app.CreateBrowserLikeClient();
        (await LoginForm.PostAsync(client, AdminEmail, AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/admin/jobb");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertSecurityHeaders(response, "the job dashboard");
        // Without a charset a browser may read the UTF-8 page as Latin-1 ("NÃ¤mndportal").
        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        var html = WebUtility.HtmlDecode(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        html.ShouldContain("Nämndportal – jobbkö");
    }

    [Fact]
    public async Task Strict_transport_security_is_sent_over_https_outside_development()
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder => builder.UseEnvironment("Production"));
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://nämndportal.exempelby.se"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/konto/logga-in");

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task Strict_transport_security_is_not_sent_in_development()
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder => builder.UseEnvironment("Development"));
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://nämndportal.exempelby.se"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/konto/logga-in");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        AssertSecurityHeaders(response, "a page in development");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var policies = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.ToList() : [];
        policies.Count.ShouldBe(1, $"{what}: exactly one Content-Security-Policy");
        var directives = policies[0].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        directives["script-src"].ShouldBe("script-src 'self'", $"{what}: no inline script, no eval");
        directives["object-src"].ShouldBe("object-src 'none'", what);
        directives["base-uri"].ShouldBe("base-uri 'self'", what);
        directives["frame-ancestors"].ShouldBe("frame-ancestors 'none'", what);
        directives["default-src"].ShouldBe("default-src 'self'", what);
        Single(response, "X-Content-Type-Options").ShouldBe("nosniff", what);
        Single(response, "X-Frame-Options").ShouldBe("DENY", what);
        Single(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", what);
        Single(response, "Permissions-Policy").ShouldContain("camera=()", Case.Sensitive, what);
        response.Headers.Contains("Server").ShouldBeFalse(what);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : [])
        .ShouldHaveSingleItem($"{name} is missing");

    private static async Task CreateAdministratorAsync(PortalFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<AdministratorAccounts>().CreateAsync(AdminEmail, "Drift Konto", AdminPassword);
        problems.ShouldBeEmpty();
    }
}
