using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Meetings;

public class ListMyMeetingsTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Organ _omsorg = null!;
    private Organ _skola = null!;
    private Meeting _omsorgMarch = null!;
    private Meeting _omsorgSeptember = null!;
    private Meeting _skolaApril = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _omsorg = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        _skola = await InsertAsync(new Organ("Skolnämnden", "SKN", OrganKind.Namnd, "SKN"));
        _omsorgMarch = await InsertAsync(new Meeting(_omsorg.Id, SwedishTime.FromLocal(new DateOnly(2026, 3, 11), new TimeOnly(13, 0)), null, "Björken"));
        _omsorgSeptember = await InsertAsync(new Meeting(_omsorg.Id, SwedishTime.FromLocal(new DateOnly(2026, 9, 9), new TimeOnly(13, 0)), null, "Björken"));
        _skolaApril = await InsertAsync(new Meeting(_skola.Id, SwedishTime.FromLocal(new DateOnly(2026, 4, 15), new TimeOnly(9, 0)), null, "Eken"));
    }

    [Fact]
    public async Task Member_sees_only_meetings_of_their_organ_held_while_their_membership_is_valid()
    {
        var userId = await CreateUserAsync("ledamot@exempelby.se");
        var person = await InsertAsync(new Person("Lars", "Ledamot") { UserId = userId });
        // Replaced mid-term: the seat ends on 30 June.
        await InsertAsync(new Membership(person.Id, _omsorg.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), new DateOnly(2026, 6, 30)));

        var meetings = await ListAsync(new TestUser(userId, "ledamot@exempelby.se", Roles.Member));

        meetings.Select(m => m.Id).ShouldBe([_omsorgMarch.Id]);
        meetings[0].OrganName.ShouldBe("Omsorgsnämnden");
    }

    [Fact]
    public async Task Secretary_sees_the_organs_they_are_attached_to()
    {
        var userId = await CreateUserAsync("sekreterare@exempelby.se");
        await InsertAsync(new OrganOfficial(userId, _skola.Id, OfficialFunction.Namndsekreterare));

        var meetings = await ListAsync(new TestUser(userId, "sekreterare@exempelby.se", Roles.Secretary));

        meetings.Select(m => m.Id).ShouldBe([_skolaApril.Id]);
    }

    [Fact]
    public async Task Administrator_sees_every_organ_in_date_order()
    {
        var userId = await CreateUserAsync("admin@exempelby.se");
        var meetings = await ListAsync(new TestUser(userId, "admin@exempelby.se", Roles.Administrator));
        meetings.Select(m => m.Id).ShouldBe([_omsorgMarch.Id, _skolaApril.Id, _omsorgSeptember.Id]);
    }

    [Fact]
    public async Task User_without_membership_or_role_sees_nothing_and_anonymous_sees_nothing()
    {
        var userId = await CreateUserAsync("revisor@exempelby.se");
        (await ListAsync(new TestUser(userId, "revisor@exempelby.se", Roles.Auditor))).ShouldBeEmpty();
        (await ListAsync(TestUser.Anonymous)).ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<MeetingSummary>> ListAsync(TestUser user)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        var handler = new ListMyMeetingsHandler(db, new AccessService(db, user, TimeProvider.System));
        return await handler.HandleAsync(new ListMyMeetings(From));
    }

}
