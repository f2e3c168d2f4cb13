using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class FileDownloadTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Produced_file_is_served_to_its_owner_and_to_nobody_else()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        Guid memberId;
        await using (var db = Database.CreateContext())
        {
            memberId = (await db.Users.SingleAsync(u => u.Email == "ledamot@exempelby.se")).Id;
        }

        var file = await InsertAsync(new StoredFile("provutskrift.pdf", "application/pdf", "%PDF-1.7 test"u8.ToArray(), memberId));

        using var owner = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(owner, "ledamot@exempelby.se", DemoUsers.Password);
        var own = await owner.GetAsync($"/filer/{file.Id}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        using var other = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(other, "ersattare@exempelby.se", DemoUsers.Password);
        var foreign = await other.GetAsync($"/filer/{file.Id}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.Content.ReadAsStringAsync()).ShouldNotContain("provutskrift");

        using var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync($"/filer/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
