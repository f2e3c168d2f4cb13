using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Domain.Organisation;
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
        before.Organs.ShouldBe(5);
        before.Meetings.ShouldBe(9);
    }

    [Fact]
    public async Task Demo_rosters_keep_the_membership_rules_and_the_demo_logins_keep_their_seats()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var db = Database.CreateContext();
        var term = await db.Terms.SingleAsync();
        var memberships = await db.Memberships.ToListAsync();
        var organs = await db.Organs.ToDictionaryAsync(o => o.Id, o => o.ShortName);

        memberships.ShouldAllBe(m => MembershipRules.Check(m, memberships, term).Count == 0);
        memberships.Where(m => organs[m.OrganId] == "OMN").Count(m => m.Role.HoldsSeat() && m.IsValidOn(term.StartsOn)).ShouldBe(11);

        var lars = await db.Persons.SingleAsync(p => p.Email == "ledamot@exempelby.se");
        var erika = await db.Persons.SingleAsync(p => p.Email == "ersattare@exempelby.se");
        memberships.Where(m => m.PersonId == lars.Id).Select(m => (organs[m.OrganId], m.Role)).ShouldBe([("OMN", MembershipRole.Ledamot)]);
        memberships.Where(m => m.PersonId == erika.Id).Select(m => (organs[m.OrganId], m.Role)).ShouldBe([("SUN", MembershipRole.Ersattare)]);
    }

    private async Task<(int Users, int Organs, int Meetings, int Memberships)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Users.CountAsync(), await db.Organs.CountAsync(), await db.Meetings.CountAsync(), await db.Memberships.CountAsync());
    }
}
