using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Security;

/// <summary>A member of one organ who types the address of another organ's page or export learns nothing about it.</summary>
public class OrganPageAccessTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Member_of_organ_A_asking_for_organ_B_by_direct_URL_gets_nothing()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        Guid own, other;
        string otherMemberEmail;
        await using (var db = Database.CreateContext())
        {
            own = (await db.Organs.SingleAsync(o => o.ShortName == "OMN")).Id;
            other = (await db.Organs.SingleAsync(o => o.ShortName == "SUN")).Id;
            otherMemberEmail = (await (from m in db.Memberships join p in db.Persons on m.PersonId equals p.Id
                                       where m.OrganId == other && p.Email != null select p.Email).FirstAsync())!;
        }

        using var client = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password);

        var ownPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/organ/{own}"));
        ownPage.ShouldContain("Ledamöter och ersättare");
        ownPage.ShouldContain("Lars Ledamot");

        var otherPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/organ/{other}"));
        otherPage.ShouldContain("finns inte, eller så saknar du behörighet");
        otherPage.ShouldNotContain("Ledamöter och ersättare");
        otherPage.ShouldNotContain("Social- och utbildningsnämnden");

        (await client.GetAsync($"/organ/{other}/ledamoter.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/organ/{other}/ledamoter.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownExport = await client.GetStringAsync($"/organ/{own}/ledamoter.csv");
        ownExport.ShouldContain("Lars Ledamot");
        ownExport.ShouldNotContain(otherMemberEmail);
    }

    [Fact]
    public async Task Member_cannot_open_the_persons_register_or_the_import()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password);

        foreach (var path in new[] { "/personer", "/organ/import", "/admin/register" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/konto/atkomst-nekad", path);
        }
    }
}
