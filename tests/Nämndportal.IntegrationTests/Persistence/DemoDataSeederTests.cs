using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

public class DemoDataSeederTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var before = await CountsAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync()).ShouldBeFalse();
        }

        (await CountsAsync()).ShouldBe(before);
        before.Users.ShouldBe(DemoUsers.All.Count);
        before.Organs.ShouldBe(3);
        before.Meetings.ShouldBe(5);
    }

    private async Task<(int Users, int Organs, int Meetings, int Memberships)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Users.CountAsync(), await db.Organs.CountAsync(), await db.Meetings.CountAsync(), await db.Memberships.CountAsync());
    }
}
