using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Files;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class FileDownloadTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Sample_is_served_to_its_owner_and_to_nobody_else()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        Guid memberId;
        await using (var db = Database.CreateContext())
        {
            memberId = (await db.Users.SingleAsync(u => u.Email == "ledamot@exempelby.se")).Id;
        }

        var file = await InsertAsync(StoredFile.ForSample("provutskrift.pdf", "application/pdf", "%PDF-1.7 test"u8.ToArray(), memberId));

        using var owner = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(owner, "ledamot@exempelby.se", DemoUsers.Password);
        var own = await owner.GetAsync($"/filer/{file.Id}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe("%PDF-1.7 test"u8.ToArray());

        foreach (var email in new[] { "ersattare@exempelby.se", "handlaggare@exempelby.se" })
        {
            using var other = app.CreateBrowserLikeClient();
            await LoginForm.PostAsync(other, email, DemoUsers.Password);
            var foreign = await other.GetAsync($"/filer/{file.Id}");
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            (await foreign.Content.ReadAsStringAsync()).ShouldNotContain("provutskrift");
            (await foreign.Content.ReadAsStringAsync()).ShouldContain("Filen finns inte, eller så saknar du behörighet att se det.");
            var unknown = await other.GetAsync($"/filer/{Guid.NewGuid()}");
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a forbidden file answers as an unknown one");
            (await unknown.Content.ReadAsStringAsync()).ShouldContain("Filen finns inte, eller så saknar du behörighet att se det.");
        }

        using var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync($"/filer/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
