using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>The case page's use cases: status changes, links, the timeline and who sees what.</summary>
public class CasePageTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private Organ _omn = default!;
    private Organ _sun = default!;
    private TestUser _officer = default!;
    private TestUser _secretary = default!;
    private TestUser _member = default!;
    private TestUser _otherMember = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _omn = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        _sun = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        _officer = await CreateUserAsync("handlaggare", Roles.CaseOfficer);
        _secretary = await CreateUserAsync("sekreterare", Roles.Secretary);
        _member = await CreateUserAsync("ledamot", Roles.Member);
        _otherMember = await CreateUserAsync("ledamot.sun", Roles.Member);
        await InsertAsync(new OrganOfficial(_officer.UserId!.Value, _omn.Id, OfficialFunction.Handlaggare));
        await InsertAsync(new OrganOfficial(_secretary.UserId!.Value, _omn.Id, OfficialFunction.Namndsekreterare));
        await MemberAsync(_member, _omn);
        await MemberAsync(_otherMember, _sun);
    }

    [Fact]
    public async Task Status_change_is_on_the_timeline_and_in_the_audit_trail()
    {
        var registered = (await Register(_officer, "Verksamhetsplan 2027")).Value!;
        var details = (await Get(_officer, registered.Id)).Value!;
        details.NextStatuses.ShouldBe([CaseStatus.UnderBeredning, CaseStatus.Avslutat]);

        (await ChangeStatus(_officer).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.UnderBeredning, details.Version))).Succeeded.ShouldBeTrue();

        var after = (await Get(_officer, registered.Id)).Value!;
        after.Status.ShouldBe(CaseStatus.UnderBeredning);
        after.Timeline.Select(t => t.Text).ShouldBe(["Status ändrades från registrerat till under beredning.", "Ärendet registrerades."]);
        await using var db = Database.CreateContext();
        var line = await db.AuditTrail.Where(a => a.CaseId == registered.Id && a.Action == "Ändrad").SingleAsync();
        line.UserName.ShouldBe("handlaggare");
        line.RemoteAddress.ShouldBe("127.0.0.1");
        line.Summary.ShouldContain("Status");
    }

    [Fact]
    public async Task Illegal_transition_is_refused_in_Swedish_and_nothing_changes()
    {
        var registered = (await Register(_officer, "Verksamhetsplan 2027")).Value!;
        var details = (await Get(_officer, registered.Id)).Value!;

        var result = await ChangeStatus(_officer).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.Beslutat, details.Version));

        result.Error!.Message.ShouldBe("Ett ärende med status Registrerat kan inte få status Beslutat.");
        (await Get(_officer, registered.Id)).Value!.Status.ShouldBe(CaseStatus.Registrerat);
        await using var db = Database.CreateContext();
        (await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.StatusChanged)).ShouldBe(0);
    }

    [Fact]
    public async Task Second_status_change_from_the_same_page_load_is_a_conflict_naming_who_changed_it()
    {
        var registered = (await Register(_officer, "Verksamhetsplan 2027")).Value!;
        var version = (await Get(_officer, registered.Id)).Value!.Version;

        (await ChangeStatus(_officer).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.UnderBeredning, version))).Succeeded.ShouldBeTrue();
        var second = await ChangeStatus(_secretary).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.Avslutat, version));

        second.Error!.Code.ShouldBe("conflict");
        second.Error.Message.ShouldContain("handlaggare");
        (await Get(_officer, registered.Id)).Value!.Status.ShouldBe(CaseStatus.UnderBeredning);
    }

    [Fact]
    public async Task Member_reads_the_case_but_cannot_change_it_and_a_member_of_another_organ_gets_not_found()
    {
        var registered = (await Register(_officer, "Verksamhetsplan 2027")).Value!;

        var asMember = (await Get(_member, registered.Id)).Value!;
        asMember.CanPrepare.ShouldBeFalse();
        asMember.NextStatuses.ShouldBeEmpty();
        (await ChangeStatus(_member).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.UnderBeredning, asMember.Version))).Error!.Code.ShouldBe("forbidden");

        var other = await Get(_otherMember, registered.Id);
        other.Error!.Code.ShouldBe("not_found");
        (await ChangeStatus(_otherMember).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.UnderBeredning, asMember.Version))).Error!.Code.ShouldBe("not_found");
        (await List(_otherMember).HandleAsync(new ListCases())).Rows.ShouldBeEmpty();
        (await List(_member).HandleAsync(new ListCases())).Rows.Single().Number.ShouldBe("OMF-2026-1");
    }

    [Fact]
    public async Task Linked_cases_show_on_both_and_a_case_the_user_cannot_read_cannot_be_linked()
    {
        var first = (await Register(_officer, "Verksamhetsplan 2027")).Value!;
        var second = (await Register(_officer, "Internkontrollplan 2027")).Value!;
        var registrar = await CreateUserAsync("registrator", Roles.Registrar);
        var foreign = (await Register(registrar, "Skolskjuts", _sun.Id)).Value!;

        (await Link(_officer).HandleAsync(new LinkCases(first.Id, " omf-2026-2 ", "Hör ihop med planen"))).Succeeded.ShouldBeTrue();

        (await Get(_officer, first.Id)).Value!.Related.Single().Number.ShouldBe("OMF-2026-2");
        var back = (await Get(_officer, second.Id)).Value!;
        back.Related.Single().Number.ShouldBe("OMF-2026-1");
        back.Timeline[0].Text.ShouldBe("Länkades till OMF-2026-1.");
        (await Link(_officer).HandleAsync(new LinkCases(second.Id, "OMF-2026-1", null))).Error!.Message.ShouldBe("Ärendet är redan länkat till OMF-2026-1.");
        (await Link(_officer).HandleAsync(new LinkCases(first.Id, foreign.Number, null))).Error!.Message
            .ShouldBe($"Det finns inget ärende med diarienummer {foreign.Number} som du har behörighet till.");
        (await Link(_officer).HandleAsync(new LinkCases(first.Id, "OMF-2026-1", null))).Error!.Message.ShouldBe("Ett ärende kan inte länkas till sig självt.");

        var unlink = new UnlinkCasesHandler(Factory(_officer), Access(_officer), _officer, _clock);
        (await unlink.HandleAsync(new UnlinkCases(second.Id, back.Related[0].LinkId))).Succeeded.ShouldBeTrue();
        var afterUnlink = (await Get(_officer, first.Id)).Value!;
        afterUnlink.Related.ShouldBeEmpty();
        afterUnlink.Timeline.Select(t => t.Text).Take(2).ShouldBe(["Länken till OMF-2026-2 togs bort.", "Länkades till OMF-2026-2."]);
        (await unlink.HandleAsync(new UnlinkCases(second.Id, back.Related[0].LinkId))).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Timeline_leaves_out_a_secret_handling_for_those_who_may_not_read_it()
    {
        var registered = (await Register(_secretary, "Orosanmälan")).Value!;
        await using (var db = Database.CreateContext())
        {
            var open = new CaseDocument(registered.Id, 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), "Länsstyrelsen", "Beslut om tillsyn");
            var secret = new CaseDocument(registered.Id, 2, DocumentDirection.Inkommen, new DateOnly(2026, 11, 21), "Anmälare", "Orosanmälan om Kalle Karlsson");
            secret.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 21), _secretary.UserId, "Sara Sekreterare");
            db.CaseDocuments.AddRange(open, secret);
            db.CaseEvents.Add(CaseEvent.DocumentAdded(registered.Id, _clock.GetUtcNow(), "sekreterare", open.Id, 1));
            db.CaseEvents.Add(CaseEvent.DocumentAdded(registered.Id, _clock.GetUtcNow(), "sekreterare", secret.Id, 2));
            await db.SaveChangesAsync();
        }

        var asMember = string.Join("\n", (await Get(_member, registered.Id)).Value!.Timeline.Select(t => t.Text));
        asMember.ShouldContain("Ny handling 1 (Beslut om tillsyn).");
        asMember.ShouldNotContain("handling 2");
        asMember.ShouldNotContain("Kalle");
        var asSecretary = string.Join("\n", (await Get(_secretary, registered.Id)).Value!.Timeline.Select(t => t.Text));
        asSecretary.ShouldContain("Ny handling 2 (Orosanmälan om Kalle Karlsson).");
    }

    [Fact]
    public async Task Member_sees_who_did_what_on_the_timeline_by_name_never_by_e_mail_address()
    {
        var hanna = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = "hanna.handlaggare@exempelby.se", Email = "hanna.handlaggare@exempelby.se",
            NormalizedUserName = "HANNA.HANDLAGGARE@EXEMPELBY.SE", NormalizedEmail = "HANNA.HANDLAGGARE@EXEMPELBY.SE",
            SecurityStamp = Guid.NewGuid().ToString(), DisplayName = "Hanna Handläggare",
        };
        var nameless = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = "utan.namn@exempelby.se", Email = "utan.namn@exempelby.se",
            NormalizedUserName = "UTAN.NAMN@EXEMPELBY.SE", NormalizedEmail = "UTAN.NAMN@EXEMPELBY.SE", SecurityStamp = Guid.NewGuid().ToString(),
        };
        await using (var db = Database.CreateContext())
        {
            db.Users.AddRange(hanna, nameless);
            db.OrganOfficials.AddRange(
                new OrganOfficial(hanna.Id, _omn.Id, OfficialFunction.Handlaggare), new OrganOfficial(nameless.Id, _omn.Id, OfficialFunction.Handlaggare));
            await db.SaveChangesAsync();
        }

        var officer = new TestUser(hanna.Id, hanna.UserName, Roles.CaseOfficer);
        var registered = (await Register(officer, "Verksamhetsplan 2027")).Value!;
        var version = (await Get(officer, registered.Id)).Value!.Version;
        var other = new TestUser(nameless.Id, nameless.UserName, Roles.CaseOfficer);
        (await ChangeStatus(other).HandleAsync(new ChangeCaseStatus(registered.Id, CaseStatus.UnderBeredning, version))).Succeeded.ShouldBeTrue();

        var timeline = (await Get(_member, registered.Id)).Value!.Timeline;
        timeline.Select(t => t.Actor).ShouldBe(["En användare", "Hanna Handläggare"]);
        timeline.ShouldAllBe(t => !t.Actor.Contains('@'));
    }

    private async Task MemberAsync(TestUser user, Organ organ)
    {
        var person = await InsertAsync(new Person("Test", user.UserName!) { UserId = user.UserId });
        await InsertAsync(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), null));
    }

    /// <summary>Registers a case in OMN with the handläggare as its officer, or in another organ without one.</summary>
    private Task<Application.Common.Result<RegisteredCase>> Register(TestUser user, string title, Guid? organId = null) =>
        new RegisterCaseHandler(Factory(user), Access(user), new RegisterCaseValidator(), user, _clock)
            .HandleAsync(new RegisterCase { OrganId = organId ?? _omn.Id, Title = title, CaseOfficerUserId = organId is null ? _officer.UserId : null });

    private Task<Application.Common.Result<CaseDetails>> Get(TestUser user, Guid id) =>
        new GetCaseHandler(Factory(user), Access(user), new DatabaseUserDirectory(Database)).HandleAsync(id);

    private ChangeCaseStatusHandler ChangeStatus(TestUser user) => new(Factory(user), Access(user), user, _clock);

    private LinkCasesHandler Link(TestUser user) => new(Factory(user), Access(user), user, _clock);

    private ListCasesHandler List(TestUser user) => new(Factory(user), Access(user), new DatabaseUserDirectory(Database), user);

    private TestDbContextFactory Factory(TestUser user) => new(Database, user, _clock);

    private AccessService Access(TestUser user) => new(Factory(user), user, _clock);
}
