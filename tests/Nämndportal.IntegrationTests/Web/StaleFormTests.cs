using System.Net;
using Microsoft.AspNetCore.Hosting;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

/// <summary>A form posted with a missing or expired anti-forgery token: a Swedish page with status 400, never a stack trace.</summary>
public class StaleFormTests(DatabaseFixture database) : IntegrationTest(database)
{
    public static TheoryData<string> Environments => ["Development", "Production", "Test"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Logout_form_without_a_valid_token_gets_the_expired_page_and_no_detail(string environment)
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder => builder.UseEnvironment(environment));
        using var client = app.CreateBrowserLikeClient();
        (await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = "utgången-token",
        }));

        await AssertExpiredPageAsync(response);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Login_form_without_a_token_gets_the_expired_page(string environment)
    {
        await using var app = await PortalFactory.StartAsync(Database, configure: builder => builder.UseEnvironment(environment));
        using var client = app.CreateBrowserLikeClient();

        var response = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "ledamot@exempelby.se",
            ["Input.Password"] = DemoUsers.Password,
        }));

        await AssertExpiredPageAsync(response);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse("a refused login form signs nobody in");
    }

    private static async Task AssertExpiredPageAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Sidan har gått ut. Ladda om och försök igen.");
        html.ShouldNotContain("np.auth");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain("antiforgery", Case.Insensitive);
        html.ShouldNotContain("Cookie");
    }
}
