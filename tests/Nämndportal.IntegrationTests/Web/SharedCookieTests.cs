using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class SharedCookieTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Login_cookie_from_one_instance_is_accepted_by_another_through_keys_kept_in_PostgreSQL()
    {
        await using var first = await PortalFactory.StartAsync(Database);
        using var firstClient = first.CreateBrowserLikeClient();
        var login = await LoginForm.PostAsync(firstClient, "ledamot@exempelby.se", DemoUsers.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np.auth=", StringComparison.Ordinal)).Split(';')[0];

        await using (var db = Database.CreateContext())
        {
            (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
        }

        await using var second = new PortalFactory(Database.ConnectionString, new Dictionary<string, string?>());
        using var secondClient = second.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        var response = await secondClient.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance must read the first instance's cookie");
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Omsorgsnämnden");
    }
}
