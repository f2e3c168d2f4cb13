using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Common;
using Nämndportal.Application.Delegation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Delegation;

/// <summary>Registering delegationsbeslut (the grid's and the CSV import's use case) against PostgreSQL: numbers per series, all rows or none, who may register.</summary>
public sealed class RegisterDelegatedDecisionsTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(SwedishTime.FromLocal(new DateOnly(2026, 11, 20), new TimeOnly(10, 0)));
    private Organ _organ = null!;
    private TestUser _registrar = null!;
    private TestUser _chief = null!;
    private TestUser _member = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _organ = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        var committee = await InsertAsync(new Organ("Individutskottet", "SUNIU", OrganKind.Utskott, "SUN", _organ.Id));
        _registrar = await CreateUserAsync("registrator", Roles.Registrar);
        _chief = await CreateUserAsync("jonas.fors", Roles.CaseOfficer);
        _member = await CreateUserAsync("ledamot", Roles.Member);
        var scheme = new DelegationScheme(_organ.Id, 1, "SUN 2026-01-28 § 12", new DateOnly(2026, 2, 1));
        var chief = DelegateRole.Position("Förvaltningschef");
        var preschool = DelegateRole.Position("Verksamhetschef förskola");
        var points = new[]
        {
            new DelegationPoint("1.1", "Förordnande av tf verksamhetschef", DelegationMatterKind.Ordinary, [chief], null, "KL 7 kap. 5 §", false, true),
            new DelegationPoint("1.2", "Yttrande över remiss av mindre vikt", DelegationMatterKind.Ordinary, [chief], null, null, false, false),
            new DelegationPoint("2.1", "Barnomsorg på obekväm arbetstid", DelegationMatterKind.AuthorityOverIndividuals, [preschool], [chief], "SL 25 kap. 5 §", false, true),
            new DelegationPoint("7.1", "Vård enligt LVU i brådskande fall", DelegationMatterKind.AuthorityOverIndividuals, [DelegateRole.Committee(committee.Id, committee.Name)], null, "LVU 6 §", false, true),
        };
        foreach (var p in points)
        {
            scheme.SetPoint(p);
        }

        scheme.Establish(null, new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero));
        await InsertAsync(scheme);
        await InsertAsync(new PositionHolder(_organ.Id, "Förvaltningschef", _chief.UserId, "Jonas Fors", new DateOnly(2024, 1, 1), null));
        await InsertAsync(new PositionHolder(_organ.Id, "Verksamhetschef förskola", null, "Karin Lund", new DateOnly(2026, 9, 1), null));
        var chair = await InsertAsync(new Person("Erik", "Ordförande"));
        await InsertAsync(new Membership(chair.Id, _organ.Id, MembershipRole.Ordforande, new DateOnly(2026, 1, 1), null));
    }

    private RegisterDelegatedDecisionsHandler Handler(TestUser user) =>
        new(new TestDbContextFactory(Database, user, _clock), new AccessService(new TestDbContextFactory(Database, user, _clock), user, _clock), user, _clock);

    private static DecisionRow Row(int row, string point, string who, string date, string description, string? name = null, string? section = null) =>
        new(row, point, who, name, date, null, description, Section: section);

    [Fact]
    public async Task The_registrar_registers_a_batch_and_each_delegate_series_is_numbered_on_per_year()
    {
        var result = await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
        [
            Row(1, "2.1", "Verksamhetschef förskola", "2026-11-02", "Beslut om barnomsorg på obekväm arbetstid"),
            Row(2, "1.1", "Förvaltningschef", "2026-11-03", "Förordnande som tf verksamhetschef förskola"),
            Row(3, "2.1", "Verksamhetschef förskola", "2026-11-04", "Beslut om barnomsorg på obekväm arbetstid", "Karin Lund"),
            Row(4, "2.1", "Förvaltningschef", "2026-11-05", "Beslut om barnomsorg på obekväm arbetstid"), // the substitute
            Row(5, "7.1", "Individutskottet", "2026-11-11", "Beslut om omedelbart omhändertagande", section: "612"),
            new DecisionRow(6, null, "Ordförande", null, "2026-11-12", "SUN 2026/700", "Yttrande till förvaltningsrätten", Urgent: true),
        ]));

        result.Value!.Problems.ShouldBeEmpty();
        result.Value.Numbers.ShouldBe(["1/2026", "1/2026", "2/2026", "2/2026", "§ 612", "1/2026"]);
        await using var db = Database.CreateContext();
        var stored = await db.DelegatedDecisions.OrderBy(d => d.DecidedOn).ToListAsync();
        stored.Select(d => (d.DelegateName, d.NumberText)).ShouldBe(
            [("Karin Lund", "1/2026"), ("Jonas Fors", "1/2026"), ("Karin Lund", "2/2026"), ("Jonas Fors", "2/2026"), ("Individutskottet", "612/2026"), ("Erik Ordförande", "1/2026")]);
        stored.Last().Urgent.ShouldBeTrue();

        // The next batch continues each series.
        var next = await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "2.1", "Verksamhetschef förskola", "2026-11-19", "Beslut om barnomsorg på obekväm arbetstid")]));
        next.Value!.Numbers.ShouldBe(["3/2026"]);
        (await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "7.1", "Individutskottet", "2026-11-11", "Igen", section: "612")])))
            .Value!.Problems.ShouldHaveSingleItem().Field.ShouldBe("paragraf");
    }

    [Fact]
    public async Task One_bad_row_among_a_hundred_saves_nothing_and_names_the_row_and_field_and_takes_no_numbers()
    {
        var rows = Enumerable.Range(1, 100)
            .Select(i => Row(i, "2.1", "Verksamhetschef förskola", $"2026-11-{1 + (i % 19):00}", "Beslut om barnomsorg på obekväm arbetstid"))
            .ToList();
        rows[56] = Row(57, "2.1", "Verksamhetschef förskola", "2026-13-01", "Beslut om barnomsorg på obekväm arbetstid");

        var result = await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, rows));

        var problem = result.Value!.Problems.ShouldHaveSingleItem();
        (problem.Row, problem.Field).ShouldBe((57, "beslutsdatum"));
        problem.ToString().ShouldBe("Rad 57, fält beslutsdatum: ”2026-13-01” är inte ett datum som ÅÅÅÅ-MM-DD.");
        await using var db = Database.CreateContext();
        (await db.DelegatedDecisions.CountAsync()).ShouldBe(0);
        (await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [rows[0]]))).Value!.Numbers.ShouldBe(["1/2026"]);
    }

    [Theory]
    [InlineData("2.1", "Verksamhetschef förskola", "Jonas Fors", "2026-11-02", "beslutsfattare", "Jonas Fors var inte verksamhetschef förskola 2026-11-02.")]
    [InlineData("2.1", "Verksamhetschef förskola", null, "2026-08-15", "beslutsfattare", "Ange vem som fattade beslutet")]
    [InlineData("2.1", "Verksamhetschef förskola", null, "2026-11-21", "beslutsdatum", "ligger i framtiden")]
    [InlineData("1.1", "Förvaltningschef", null, "2026-01-20", "beslutsdatum", "Ingen fastställd delegationsordning gällde 2026-01-20")]
    [InlineData("9.9", "Förvaltningschef", null, "2026-11-02", "punkt", "Punkt 9.9 finns inte")]
    [InlineData("1.1", "Verksamhetschef förskola", null, "2026-11-02", "delegat", "Punkt 1.1 delegerar inte till verksamhetschef förskola")]
    [InlineData("1.1", "Handläggargruppen", null, "2026-11-02", "delegat", "grupp")]
    public async Task A_bad_row_gets_its_field_and_a_Swedish_message(string point, string who, string? name, string date, string field, string message)
    {
        var result = await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(3, point, who, date, "Ett beslut", name)]));
        var problem = result.Value!.Problems.ShouldHaveSingleItem();
        (problem.Row, problem.Field).ShouldBe((3, field));
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public async Task A_delegate_registers_only_their_own_decisions_and_others_cannot_register()
    {
        (await Handler(_chief).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "1.1", "Förvaltningschef", "2026-11-03", "Förordnande som tf rektor")])))
            .Value!.Numbers.ShouldBe(["1/2026"]);
        (await Handler(_chief).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "2.1", "Verksamhetschef förskola", "2026-11-03", "Beslut om barnomsorg")])))
            .Value!.Problems.ShouldHaveSingleItem().Message.ShouldContain("bara dina egna");
        (await Handler(_member).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "1.1", "Förvaltningschef", "2026-11-03", "x")]))).Error!.Code.ShouldBe("not_found");
        (await Handler(TestUser.Anonymous).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "1.1", "Förvaltningschef", "2026-11-03", "x")]))).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task A_CSV_file_is_imported_all_or_nothing_with_each_problem_on_its_line()
    {
        var lines = new List<string> { "punkt;delegat;beslutsfattare;beslutsdatum;diarienummer;beskrivning;överklagbart;individärende" };
        lines.AddRange(Enumerable.Range(1, 100).Select(i => $"2.1;Verksamhetschef förskola;Karin Lund;2026-11-{1 + (i % 19):00};;Beslut om barnomsorg på obekväm arbetstid;ja;nej"));
        lines[58] = "2.1;Verksamhetschef förskola;Karin Lund;2026-11-05;;Beslut om barnomsorg på obekväm arbetstid;kanske;nej";
        ImportDelegatedDecisionsHandler Import() => new(Handler(_registrar));
        static MemoryStream Csv(IEnumerable<string> l) => new(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", l)));

        var bad = await Import().HandleAsync(_organ.Id, Csv(lines));
        bad.Value!.Problems.ShouldHaveSingleItem().ToString().ShouldBe("Rad 59, fält överklagbart: ”kanske” ska vara ja eller nej.");
        await using (var db = Database.CreateContext())
        {
            (await db.DelegatedDecisions.CountAsync()).ShouldBe(0);
        }

        (await Import().HandleAsync(_organ.Id, Csv(["punkt;delegat;datum"]))).Value!.Problems.ShouldHaveSingleItem().Message.ShouldContain("kolumner saknas: beslutsdatum, beskrivning");

        lines[58] = lines[57];
        var good = await Import().HandleAsync(_organ.Id, Csv(lines));
        good.Value!.Problems.ShouldBeEmpty();
        good.Value.Numbers.Count.ShouldBe(100);
        await using var check = Database.CreateContext();
        (await check.DelegatedDecisions.CountAsync(d => d.Appealable)).ShouldBe(100);
        (await check.DelegatedDecisions.MaxAsync(d => d.Number)).ShouldBe(100);
    }

    [Fact]
    public async Task Rule20_an_appealable_decision_that_is_not_reported_gets_its_own_anslag_and_its_appeal_time_runs_from_it()
    {
        var numbers = await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
        [
            new DecisionRow(1, "1.2", "Förvaltningschef", null, "2026-11-18", "SUN 2026/801", "Yttrande över remiss om kollektivtrafikplan", Appealable: true),
            new DecisionRow(2, "1.1", "Förvaltningschef", null, "2026-11-18", null, "Förordnande som tf rektor", Appealable: true),
        ]));
        numbers.Value!.Problems.ShouldBeEmpty();
        Domain.Delegation.DelegatedDecision own, reported;
        await using (var db = Database.CreateContext())
        {
            own = await db.DelegatedDecisions.SingleAsync(d => d.PointCode == "1.2");
            reported = await db.DelegatedDecisions.SingleAsync(d => d.PointCode == "1.1");
        }

        AnnounceDelegatedDecisionHandler Announce(TestUser u) => new(new TestDbContextFactory(Database, u, _clock), new AccessService(new TestDbContextFactory(Database, u, _clock), u, _clock), u, _clock, new RecordingPublicPageCache());
        (await Announce(_member).HandleAsync(new AnnounceDelegatedDecision(own.Id, own.Version))).Error!.Code.ShouldBe("not_found");
        (await Announce(_registrar).HandleAsync(new AnnounceDelegatedDecision(reported.Id, reported.Version))).Error!.Message.ShouldContain("anmäls till nämnden");
        var postingId = (await Announce(_registrar).HandleAsync(new AnnounceDelegatedDecision(own.Id, own.Version))).Value;

        await using var check = Database.CreateContext();
        var posting = await check.Postings.SingleAsync(p => p.Id == postingId);
        var today = new DateOnly(2026, 11, 20);
        (posting.Kind, posting.Title, posting.UpOn, posting.DownOn).ShouldBe(
            (Domain.NoticeBoard.PostingKind.Delegationsbeslut, "Delegationsbeslut 1/2026, Social- och utbildningsnämnden", today, Domain.NoticeBoard.AppealTime.From(today).LastDay));
        posting.AgendaLines[0].ShouldBe("Yttrande över remiss om kollektivtrafikplan");
        var announced = await check.DelegatedDecisions.SingleAsync(d => d.Id == own.Id);
        announced.AppealFrom.ShouldBe(today);
        (await Announce(_registrar).HandleAsync(new AnnounceDelegatedDecision(own.Id, announced.Version))).Error!.Message.ShouldContain("redan anslaget");
    }

    [Fact]
    public async Task Meddelanden_are_registered_by_those_who_register_refused_without_a_sender_and_listed_for_readers()
    {
        BoardMessagesHandler Messages(TestUser u) => new(new TestDbContextFactory(Database, u, _clock), new AccessService(new TestDbContextFactory(Database, u, _clock), u, _clock), _clock);
        (await Messages(_registrar).HandleAsync(new RegisterBoardMessage(_organ.Id, "Skolinspektionen", new DateOnly(2026, 11, 12), "SUN 2026/366", "dnr SI 2026:5158", "Beslut efter tillsyn")))
            .Succeeded.ShouldBeTrue();
        (await Messages(_registrar).HandleAsync(new RegisterBoardMessage(_organ.Id, " ", new DateOnly(2026, 11, 12), null, null, "Beslut"))).Error!.Message.ShouldContain("Avsändaren");
        (await Messages(_registrar).HandleAsync(new RegisterBoardMessage(_organ.Id, "KF", new DateOnly(2026, 11, 21), null, null, "Beslut"))).Error!.Message.ShouldContain("framtiden");
        (await Messages(_member).HandleAsync(new RegisterBoardMessage(_organ.Id, "KF", new DateOnly(2026, 11, 12), null, null, "Beslut"))).Error!.Code.ShouldBe("not_found");
        (await Messages(_registrar).ListAsync(_organ.Id)).ShouldHaveSingleItem().Status.ShouldBe("ska anmälas");
        (await Messages(TestUser.Anonymous).ListAsync(_organ.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_the_report_item_or_cancelling_the_meeting_releases_its_decisions_for_a_later_meeting()
    {
        var admin = await CreateUserAsync("admin", Roles.Administrator);
        var meeting = new Domain.Meetings.Meeting(_organ.Id, SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0)), null, "Säfsen");
        var item = meeting.AddItem(Domain.Meetings.AgendaItemKind.Standard, "Redovisning av delegationsbeslut");
        await InsertAsync(meeting);
        (await Handler(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id, [Row(1, "1.1", "Förvaltningschef", "2026-11-03", "Förordnande som tf rektor")])))
            .Value!.Problems.ShouldBeEmpty();
        var factory = new TestDbContextFactory(Database, admin, _clock);
        var access = new AccessService(factory, admin, _clock);
        uint Version() { using var db = Database.CreateContext(); return db.Meetings.Single(m => m.Id == meeting.Id).Version; }
        var set = await new SetAgendaReportHandler(factory, access).HandleAsync(new SetAgendaReport(meeting.Id, Version(), item.Id, Domain.Meetings.AgendaReport.DelegatedDecisions, new DateOnly(2026, 11, 30)));
        set.Value!.Count.ShouldBe(1);

        (await new Application.Meetings.RemoveAgendaItemHandler(factory, access, admin, _clock).HandleAsync(new Application.Meetings.RemoveAgendaItem(meeting.Id, Version(), item.Id)))
            .Succeeded.ShouldBeTrue();
        await using (var check = Database.CreateContext())
        {
            (await check.DelegatedDecisions.SingleAsync()).ReportMeetingId.ShouldBeNull();
        }

        // Put back on a new report item, then the meeting is cancelled: the decision waits for the next meeting again.
        Guid again;
        await using (var db = Database.CreateContext())
        {
            var stored = await db.Meetings.Include("_items").SingleAsync(m => m.Id == meeting.Id);
            again = stored.AddItem(Domain.Meetings.AgendaItemKind.Standard, "Redovisning av delegationsbeslut").Id;
            await db.SaveChangesAsync();
        }

        (await new SetAgendaReportHandler(factory, access).HandleAsync(new SetAgendaReport(meeting.Id, Version(), again, Domain.Meetings.AgendaReport.DelegatedDecisions, new DateOnly(2026, 11, 30))))
            .Value!.Count.ShouldBe(1);
        var cancel = new Application.Meetings.CancelMeetingHandler(factory, access, _clock, admin, new DatabaseUserDirectory(Database), new RecordingJobScheduler());
        (await cancel.HandleAsync(new Application.Meetings.CancelMeeting(meeting.Id, Version(), "Inga ärenden"))).Succeeded.ShouldBeTrue();
        await using var after = Database.CreateContext();
        (await after.DelegatedDecisions.SingleAsync()).ReportMeetingId.ShouldBeNull();
    }
}
