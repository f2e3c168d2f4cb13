using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Security;

/// <summary>Access follows the data at once, within one long-lived scope (a Blazor circuit), and is judged on the meeting's date.</summary>
public class AccessRevocationTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Ended_membership_and_detached_secretary_lose_access_in_the_same_circuit()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var member = await CreateUserAsync("ledamot", Roles.Member);
        var person = await InsertAsync(new Person("Lars", "Ledamot") { UserId = member.UserId });
        var membership = await InsertAsync(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), null));
        var secretary = await CreateUserAsync("sekreterare", Roles.Secretary);
        var official = await InsertAsync(new OrganOfficial(secretary.UserId!.Value, organ.Id, OfficialFunction.Namndsekreterare));

        var memberAccess = Access(member);
        var secretaryAccess = Access(secretary);
        (await memberAccess.CanAsync(Operation.ReadHandlingar, organ.Id)).ShouldBeTrue();
        (await secretaryAccess.CanAsync(Operation.ManageOrgan, organ.Id)).ShouldBeTrue();

        await using (var db = Database.CreateContext())
        {
            (await db.Memberships.SingleAsync(m => m.Id == membership.Id)).End(new DateOnly(2026, 10, 31));
            db.OrganOfficials.Remove(await db.OrganOfficials.SingleAsync(o => o.Id == official.Id));
            await db.SaveChangesAsync();
        }

        (await memberAccess.CanAsync(Operation.ReadHandlingar, organ.Id)).ShouldBeFalse("the same service instance must see the ended membership");
        (await memberAccess.CanAsync(Operation.ReadHandlingar, organ.Id, new DateOnly(2026, 10, 15))).ShouldBeTrue("a meeting while still a member stays readable");
        (await secretaryAccess.CanAsync(Operation.ManageOrgan, organ.Id)).ShouldBeFalse();
    }

    private AccessService Access(TestUser user) => new(new TestDbContextFactory(Database, user, _clock), user, _clock);

}
