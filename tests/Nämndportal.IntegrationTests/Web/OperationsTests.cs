using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public partial class OperationsTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_when_the_database_is_reachable()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Unhandled_error_shows_a_Swedish_page_with_a_correlation_id_and_no_detail()
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint())));
        using var client = app.CreateClient();

        var response = await client.GetAsync("/test/kasta");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Något gick fel");
        TraceId().IsMatch(html).ShouldBeTrue("the page must show the correlation id (the request's trace id)");
        html.ShouldNotContain("hemlig detalj");
        html.ShouldNotContain("InvalidOperationException");
        html.ShouldNotContain("ThrowingEndpoint");
    }

    [Fact]
    public async Task Unknown_address_gets_a_Swedish_not_found_page()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/det-har-finns-inte");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Sidan finns inte");
    }

    [GeneratedRegex("class=\"correlation-id\">[0-9a-f]{32}<")]
    private static partial Regex TraceId();

    /// <summary>Adds, after the app's own pipeline, an address that fails the way a bug would.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == "/test/kasta"
                    ? throw new InvalidOperationException("hemlig detalj från databasen")
                    : following(context));
        };
    }
}
