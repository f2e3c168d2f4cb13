using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Organisation;

public class SubstitutionTableAndOfficialsTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Lines_are_added_in_order_per_absent_party_and_a_party_only_once()
    {
        var (organ, s, v, mp) = await SetUpAsync();
        var admin = new TestUser(Guid.NewGuid(), "admin", Roles.Administrator);
        var table = Handler(admin);

        (await table.AddAsync(new AddSubstitutionRule(organ.Id, s.Id, v.Id))).Succeeded.ShouldBeTrue();
        (await table.AddAsync(new AddSubstitutionRule(organ.Id, s.Id, mp.Id))).Succeeded.ShouldBeTrue();
        (await table.AddAsync(new AddSubstitutionRule(organ.Id, s.Id, v.Id))).Error!.Message.ShouldContain("redan i tabellen");
        (await table.AddAsync(new AddSubstitutionRule(organ.Id, s.Id, s.Id))).Error!.Message.ShouldContain("egna ersättare kallas alltid först");

        var rows = (await table.ListAsync(organ.Id)).Value!;
        rows.Select(r => (r.AbsentParty, r.Position, r.SubstituteParty)).ShouldBe([("S", 1, "V"), ("S", 2, "MP")]);

        (await table.RemoveAsync(rows[0].Id)).Succeeded.ShouldBeTrue();
        (await table.ListAsync(organ.Id)).Value!.ShouldHaveSingleItem().SubstituteParty.ShouldBe("MP");
    }

    [Fact]
    public async Task Only_the_organs_managers_change_the_table()
    {
        var (organ, s, v, _) = await SetUpAsync();
        var secretaryOfOther = new TestUser(Guid.NewGuid(), "sekr", Roles.Secretary);
        (await Handler(secretaryOfOther).AddAsync(new AddSubstitutionRule(organ.Id, s.Id, v.Id))).Error!.Code.ShouldBe("forbidden");
        await using var db = Database.CreateContext();
        (await db.SubstitutionRules.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Administrator_attaches_and_detaches_a_secretary_who_then_manages_the_organ()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var organ = await InsertAsync(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN"));
        var staff = await users.StaffAsync();
        var secretary = staff.Single(u => u.Name.StartsWith("Sara Sekreterare", StringComparison.Ordinal));
        staff.ShouldNotContain(u => u.Name.StartsWith("Lars Ledamot", StringComparison.Ordinal), "elected members are not officials");

        var asSecretary = new TestUser(secretary.Id, "sekreterare@exempelby.se", Roles.Secretary);
        (await Access(asSecretary).CanAsync(Operation.ManageOrgan, organ.Id)).ShouldBeFalse();

        var admin = new TestUser(Guid.NewGuid(), "admin", Roles.Administrator);
        var officials = new OfficialsHandler(new TestDbContextFactory(Database, admin, TimeProvider.System), Access(admin), users);
        (await officials.AttachAsync(new AttachOfficial(organ.Id, secretary.Id, OfficialFunction.Namndsekreterare))).Succeeded.ShouldBeTrue();
        (await officials.AttachAsync(new AttachOfficial(organ.Id, secretary.Id, OfficialFunction.Namndsekreterare))).Error!.Message.ShouldContain("redan knuten");
        (await Access(asSecretary).CanAsync(Operation.ManageOrgan, organ.Id)).ShouldBeTrue();

        var byTheSecretary = new OfficialsHandler(new TestDbContextFactory(Database, asSecretary, TimeProvider.System), Access(asSecretary), users);
        (await byTheSecretary.DetachAsync(organ.Id, secretary.Id, OfficialFunction.Namndsekreterare)).Error!.Code.ShouldBe("forbidden");

        (await officials.DetachAsync(organ.Id, secretary.Id, OfficialFunction.Namndsekreterare)).Succeeded.ShouldBeTrue();
        (await Access(asSecretary).CanAsync(Operation.ManageOrgan, organ.Id)).ShouldBeFalse();
    }

    private AccessService Access(TestUser user) => new(new TestDbContextFactory(Database, user, TimeProvider.System), user, TimeProvider.System);

    private SubstitutionTableHandler Handler(TestUser user) => new(new TestDbContextFactory(Database, user, TimeProvider.System), Access(user));

    private async Task<(Organ Organ, Party S, Party V, Party Mp)> SetUpAsync()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var s = await InsertAsync(new Party("S", "Socialdemokraterna", false));
        var v = await InsertAsync(new Party("V", "Vänsterpartiet", false));
        var mp = await InsertAsync(new Party("MP", "Miljöpartiet de gröna", false));
        return (organ, s, v, mp);
    }
}
