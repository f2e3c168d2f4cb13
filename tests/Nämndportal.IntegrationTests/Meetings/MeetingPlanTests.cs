using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Meetings;

public class MeetingPlanTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly IValidator<MeetingSchedule> Validator = new MeetingScheduleValidator();

    private Organ _omsorg = null!;
    private Organ _skola = null!;
    private TestUser _secretary = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _omsorg = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF") { DefaultMeetingPlace = "Sammanträdesrum Björken" };
        _omsorg.SetStandardAgendaItems(["Val av justerare", "Anmälan av extra ärenden"]);
        await InsertAsync(_omsorg);
        _skola = await InsertAsync(new Organ("Skolnämnden", "SKN", OrganKind.Namnd, "SKN"));
        _secretary = await CreateUserAsync("sekreterare@exempelby.se", Roles.Secretary);
        await InsertAsync(new OrganOfficial(_secretary.UserId!.Value, _omsorg.Id, OfficialFunction.Namndsekreterare));
    }

    private static MeetingSchedule On(int month, int day, int hour = 13, string place = "Sammanträdesrum Björken") =>
        new() { Date = new DateTime(2027, month, day), StartTime = new TimeSpan(hour, 0, 0), EndTime = new TimeSpan(hour + 3, 0, 0), Place = place };

    [Fact]
    public async Task A_new_meeting_starts_with_the_organs_standard_items_in_order()
    {
        var created = await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, On(2, 10)));

        created.Succeeded.ShouldBeTrue(created.Error?.Message);
        await using var db = Database.CreateContext();
        var meeting = await db.Meetings.Include("_items").SingleAsync(m => m.Id == created.Value);
        meeting.Items.Select(i => (i.Position, i.Title, i.Kind)).ShouldBe(
            [(1, "Val av justerare", AgendaItemKind.Standard), (2, "Anmälan av extra ärenden", AgendaItemKind.Standard)]);
        SwedishTime.ToLocal(meeting.StartsAt).ToString("yyyy-MM-dd HH.mm", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("2027-02-10 13.00");
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(Meeting) && a.EntityId == meeting.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_organs_secretary_plans_its_meetings_and_others_get_not_found()
    {
        (await CreateAsync(_secretary, new CreateMeeting(_skola.Id, On(2, 10)))).Error!.Code.ShouldBe("not_found");
        var member = await CreateUserAsync("ledamot@exempelby.se", Roles.Member);
        (await CreateAsync(member, new CreateMeeting(_omsorg.Id, On(2, 10)))).Error!.Code.ShouldBe("not_found");
        await using var db = Database.CreateContext();
        (await db.Meetings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_Swedish_message_and_nothing_saved()
    {
        var schedule = On(2, 10);
        schedule.EndTime = new TimeSpan(12, 0, 0);
        schedule.Place = " ";
        var result = await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, schedule));
        result.Error!.Message.ShouldContain("sluta efter att det börjat");
        result.Error.Message.ShouldContain("var sammanträdet hålls");
        await using var db = Database.CreateContext();
        (await db.Meetings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Moving_raises_the_schedule_revision_and_a_stale_move_is_refused_naming_who_moved_it()
    {
        var id = (await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, On(3, 10)))).Value;
        var plan = await PlanAsync(_secretary, _omsorg.Id, 2027);
        var loaded = plan.Meetings.Single();

        var moved = await Handlers(_secretary).Reschedule.HandleAsync(new RescheduleMeeting(id, loaded.Version, On(3, 17, 9, "Eken")));
        moved.Succeeded.ShouldBeTrue(moved.Error?.Message);
        var stale = await Handlers(_secretary).Reschedule.HandleAsync(new RescheduleMeeting(id, loaded.Version, On(3, 24)));
        stale.Error!.Code.ShouldBe("conflict");
        stale.Error.Message.ShouldContain("sekreterare@exempelby.se");

        await using var db = Database.CreateContext();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
        meeting.Place.ShouldBe("Eken");
        meeting.LocalDate.ShouldBe(new DateOnly(2027, 3, 17));
        meeting.ScheduleRevision.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_keeps_the_reason_and_the_plan_shows_it()
    {
        var id = (await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, On(4, 7)))).Value;
        var version = (await PlanAsync(_secretary, _omsorg.Id, 2027)).Meetings.Single().Version;

        (await Handlers(_secretary).Cancel.HandleAsync(new CancelMeeting(id, version, " "))).Error!.Message.ShouldContain("varför");
        var version2 = (await PlanAsync(_secretary, _omsorg.Id, 2027)).Meetings.Single().Version;
        (await Handlers(_secretary).Cancel.HandleAsync(new CancelMeeting(id, version2, "För få ärenden; de tas på majsammanträdet."))).Succeeded.ShouldBeTrue();

        var row = (await PlanAsync(_secretary, _omsorg.Id, 2027)).Meetings.Single();
        row.Status.ShouldBe(MeetingStatus.Installt);
        row.CancellationReason.ShouldBe("För få ärenden; de tas på majsammanträdet.");
    }

    [Fact]
    public async Task The_plan_shows_a_member_the_meetings_of_her_organ_while_her_membership_is_valid_and_no_other_organ()
    {
        await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, On(2, 10)));
        await CreateAsync(_secretary, new CreateMeeting(_omsorg.Id, On(9, 8)));
        var member = await CreateUserAsync("ledamot@exempelby.se", Roles.Member);
        var person = await InsertAsync(new Person("Lena", "Ledamot") { UserId = member.UserId });
        await InsertAsync(new Membership(person.Id, _omsorg.Id, MembershipRole.Ledamot, new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30)));

        var plan = await PlanAsync(member, _skola.Id, 2027);

        plan.Organs.Select(o => o.Name).ShouldBe(["Omsorgsnämnden"]);
        plan.Organ!.CanPlan.ShouldBeFalse();
        plan.Meetings.Select(m => m.StartsAt.Month).ShouldBe([2]);
        plan.Meetings.Single().NoticeDeadline.ShouldBe(new DateOnly(2027, 2, 5));
    }

    private async Task<Result<Guid>> CreateAsync(TestUser user, CreateMeeting request) => await Handlers(user).Create.HandleAsync(request);

    private async Task<MeetingPlan> PlanAsync(TestUser user, Guid organId, int year)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        return await new ListMeetingPlanHandler(db, new AccessService(db, user, TimeProvider.System)).HandleAsync(new ListMeetingPlan(organId, year));
    }

    private (CreateMeetingHandler Create, RescheduleMeetingHandler Reschedule, CancelMeetingHandler Cancel) Handlers(TestUser user)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        var access = new AccessService(db, user, TimeProvider.System);
        var users = new DatabaseUserDirectory(Database);
        var jobs = new RecordingJobScheduler();
        return (
            new CreateMeetingHandler(db, access, Validator),
            new RescheduleMeetingHandler(db, access, Validator, TimeProvider.System, user, users, jobs),
            new CancelMeetingHandler(db, access, TimeProvider.System, user, users, jobs));
    }
}
