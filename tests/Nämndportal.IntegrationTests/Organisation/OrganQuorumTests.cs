using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Organisation;

public class OrganQuorumTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Resignation_leaves_the_quorum_counted_on_the_decided_seats()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var admin = new TestUser(Guid.NewGuid(), "admin", Roles.Administrator);
        Guid organId;
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.ShortName == "OMN");
            organId = organ.Id;
            var ledamot = await db.Memberships.FirstAsync(m => m.OrganId == organ.Id && m.Role == Domain.Organisation.MembershipRole.Ledamot);
            ledamot.End(new DateOnly(2026, 1, 31));
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var factory = new TestDbContextFactory(Database, admin, TimeProvider.System);
        var handler = new GetOrganHandler(factory, new AccessService(factory, admin, TimeProvider.System), TimeProvider.System, scope.ServiceProvider.GetRequiredService<IUserDirectory>());

        var details = (await handler.HandleAsync(organId, new DateOnly(2026, 3, 1))).Value!;

        details.Seats.ShouldBe(11);
        details.FilledSeats.ShouldBe(10);
        details.QuorumRequired.ShouldBe(6, "an empty seat counts as absent (KL 6:27)");
    }
}
