using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Delegation;
using Nämndportal.Application.Files;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Delegation;

/// <summary>
/// Keeping the delegationsordning against PostgreSQL (issue 12, item 1): a version is drafted point by point, fastställd,
/// and then carries decisions; the next version ends it; position holders and vidaredelegationer are kept and ended; and
/// a decision's document is uploaded and read by those who may.
/// </summary>
public sealed class DelegationSchemesTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(SwedishTime.FromLocal(new DateOnly(2026, 11, 20), new TimeOnly(10, 0)));
    private Organ _organ = null!;
    private TestUser _registrar = null!;
    private TestUser _member = null!;
    private TestUser _chiefLogin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _organ = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        await InsertAsync(new Organ("Individutskottet", "SUNIU", OrganKind.Utskott, "SUN", _organ.Id));
        _registrar = await CreateUserAsync("registrator", Roles.Registrar);
        _member = await CreateUserAsync("ledamot", Roles.Member);
        _chiefLogin = await CreateUserAsync("jonas.fors", Roles.CaseOfficer);
        var person = await InsertAsync(new Person("Lena", "Ledamot") { UserId = _member.UserId });
        await InsertAsync(new Membership(person.Id, _organ.Id, MembershipRole.Ledamot, new DateOnly(2026, 1, 1), null));
    }

    private TestDbContextFactory Factory(TestUser user) => new(Database, user, _clock);

    private AccessService Access(TestUser user) => new(Factory(user), user, _clock);

    private DelegationSchemesHandler Schemes(TestUser user) =>
        new(Factory(user), Access(user), new StaffDirectory(new DatabaseUserDirectory(Database), [new Lookup(_chiefLogin.UserId!.Value, "Jonas Fors (Handläggare)")]), _clock);

    private RegisterDelegatedDecisionsHandler Register(TestUser user) => new(Factory(user), Access(user), user, _clock);

    private static SaveSchemePoint Point(Guid scheme, uint version, string code, string matter, string[] delegates, string[]? substitutes = null,
        DelegationMatterKind kind = DelegationMatterKind.Ordinary, bool mayPassOn = false, string? replacing = null) =>
        new(scheme, version, replacing, code, matter, kind, delegates, substitutes ?? [], "KL 7 kap. 5 §", mayPassOn, true);

    private async Task<DelegationScheme> SchemeAsync(int number)
    {
        await using var db = Database.CreateContext();
        return await db.DelegationSchemes.AsNoTracking().SingleAsync(s => s.OrganId == _organ.Id && s.Number == number);
    }

    private async Task<uint> VersionAsync(int number) => (await SchemeAsync(number)).Version;

    [Fact]
    public async Task A_draft_is_written_point_by_point_fastställd_then_carries_decisions_and_the_next_version_ends_it_the_day_before()
    {
        var schemes = Schemes(_registrar);
        var id = (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-01-28 § 12", new DateOnly(2026, 2, 1)))).Value;
        (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-01-28 § 13", new DateOnly(2026, 2, 1)))).Error!.Message.ShouldContain("redan ett utkast");

        (await schemes.SavePointAsync(Point(id, await VersionAsync(1), "1.1", "Förordnande av tf rektor", ["Förvaltningschef"]))).Succeeded.ShouldBeTrue();
        (await schemes.SavePointAsync(Point(id, await VersionAsync(1), "2.1", "Barnomsorg på obekväm arbetstid", ["Verksamhetschef förskola"], ["Förvaltningschef"],
            DelegationMatterKind.AuthorityOverIndividuals, mayPassOn: true))).Succeeded.ShouldBeTrue();
        (await schemes.SavePointAsync(Point(id, await VersionAsync(1), "6.1", "Omedelbart omhändertagande enligt LVU", ["individutskottet"],
            kind: DelegationMatterKind.AuthorityOverIndividuals))).Succeeded.ShouldBeTrue();
        (await schemes.SavePointAsync(Point(id, await VersionAsync(1), "1.2", "Förordnande av tf verksamhetschef och rektor", ["Förvaltningschef"], replacing: "1.1")))
            .Succeeded.ShouldBeTrue();

        // Rule 18 in the form: a group, a kind KL 6:38 keeps, and a stale version are refused and change nothing.
        var before = await SchemeAsync(1);
        (await schemes.SavePointAsync(Point(id, before.Version, "3.1", "Anställning", ["Handläggargruppen"]))).Error!.Message.ShouldContain("grupp");
        (await schemes.SavePointAsync(Point(id, before.Version, "3.2", "Mål för verksamheten", ["Förvaltningschef"], kind: DelegationMatterKind.GoalsAndDirection)))
            .Error!.Message.ShouldContain("6 kap. 38 § 1 p.");
        (await schemes.SavePointAsync(Point(id, before.Version, "3.3", "Ärende", ["Förvaltningschef"], mayPassOn: true) with { Substitutes = ["Förvaltningschef"] }))
            .Error!.Message.ShouldContain("sin egen ersättare");
        (await schemes.RemovePointAsync(new RemoveSchemePoint(id, before.Version - 1, "1.2"))).Error!.Code.ShouldBe("conflict");
        var draft = await SchemeAsync(1);
        draft.Points.Select(p => p.Code).ShouldBe(["1.2", "2.1", "6.1"]);
        draft.Point("1.2")!.Matter.ShouldBe("Förordnande av tf verksamhetschef och rektor");
        draft.Point("6.1")!.Delegates.Single().Kind.ShouldBe(DelegateKind.Committee, "an utskott is recognised by its name");
        draft.Point("2.1")!.Substitutes.Single().Title.ShouldBe("Förvaltningschef");

        // A draft carries no decisions; a member does not see it.
        await InsertAsync(new PositionHolder(_organ.Id, "Förvaltningschef", null, "Jonas Fors", new DateOnly(2024, 1, 1), null));
        var early = await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
            [new DecisionRow(1, "1.2", "Förvaltningschef", null, "2026-11-02", null, "Förordnande som tf rektor")]));
        early.Value!.Problems.ShouldHaveSingleItem().Message.ShouldContain("Ingen fastställd delegationsordning gällde 2026-11-02");
        (await Schemes(_member).OverviewAsync(_organ.Id)).Versions.ShouldBeEmpty();
        (await Schemes(_member).SavePointAsync(Point(id, draft.Version, "9.1", "x", ["Förvaltningschef"]))).Error!.Code.ShouldBe("not_found");

        (await schemes.EstablishAsync(new SchemeDraftAction(id, draft.Version))).Succeeded.ShouldBeTrue();
        (await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
            [new DecisionRow(1, "1.2", "Förvaltningschef", null, "2026-11-02", null, "Förordnande som tf rektor")]))).Value!.Numbers.ShouldBe(["1/2026"]);
        (await schemes.SavePointAsync(Point(id, await VersionAsync(1), "1.3", "Ärende", ["Förvaltningschef"]))).Error!.Message.ShouldContain("fastställd");
        (await schemes.DeleteDraftAsync(new SchemeDraftAction(id, await VersionAsync(1)))).Error!.Message.ShouldContain("fastställd");
        var seen = await Schemes(_member).OverviewAsync(_organ.Id);
        seen.CanManage.ShouldBeFalse();
        seen.Versions.ShouldHaveSingleItem().InForceToday.ShouldBeTrue();

        // Version 2 starts from version 1's points; it may not start on a day a registered decision rests on version 1.
        var second = (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-10-14 § 98", new DateOnly(2026, 11, 1)))).Value;
        (await SchemeAsync(2)).Points.Select(p => p.Code).ShouldBe(["1.2", "2.1", "6.1"]);
        (await schemes.EstablishAsync(new SchemeDraftAction(second, await VersionAsync(2)))).Error!.Message
            .ShouldBe("1 beslut daterade 2026-11-01 eller senare är registrerade enligt version 1. Låt version 2 gälla från en senare dag.");
        (await schemes.DescribeAsync(new DescribeScheme(second, await VersionAsync(2), "SUN 2026-11-18 § 101", new DateOnly(2026, 11, 3)))).Succeeded.ShouldBeTrue();
        (await schemes.EstablishAsync(new SchemeDraftAction(second, await VersionAsync(2)))).Succeeded.ShouldBeTrue();
        (await SchemeAsync(1)).ValidTo.ShouldBe(new DateOnly(2026, 11, 2));
        var overview = await schemes.OverviewAsync(_organ.Id);
        overview.Versions.Select(v => (v.Number, v.InForceToday, v.IsDraft)).ShouldBe([(2, true, false), (1, false, false)]);

        // A third draft is thrown away again.
        var third = (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-12-09 § 120", new DateOnly(2027, 1, 1)))).Value;
        (await schemes.DeleteDraftAsync(new SchemeDraftAction(third, await VersionAsync(3)))).Succeeded.ShouldBeTrue();
        await using var db = Database.CreateContext();
        (await db.DelegationSchemes.CountAsync()).ShouldBe(2);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(DelegationScheme))).ShouldBeGreaterThanOrEqualTo(8, "every change is in the audit trail");
    }

    [Fact]
    public async Task Position_holders_and_vidaredelegationer_are_kept_and_ended_and_the_register_checks_decisions_against_them()
    {
        var schemes = Schemes(_registrar);
        var id = (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-01-28 § 12", new DateOnly(2026, 2, 1)))).Value;
        await schemes.SavePointAsync(Point(id, await VersionAsync(1), "1.1", "Förordnande av tf rektor", ["Förvaltningschef"]));
        await schemes.SavePointAsync(Point(id, await VersionAsync(1), "2.1", "Barnomsorg på obekväm arbetstid", ["Verksamhetschef förskola"], ["Förvaltningschef"],
            DelegationMatterKind.AuthorityOverIndividuals, mayPassOn: true));
        await schemes.EstablishAsync(new SchemeDraftAction(id, await VersionAsync(1)));

        (await schemes.AddHolderAsync(new AddPositionHolder(_organ.Id, "Förvaltningschef", "Jonas Fors", _chiefLogin.UserId, new DateOnly(2024, 1, 1), null)))
            .Succeeded.ShouldBeTrue();
        (await schemes.AddHolderAsync(new AddPositionHolder(_organ.Id, "Enhetschef förskola", "Sara Ek", Guid.NewGuid(), new DateOnly(2026, 1, 1), null)))
            .Error!.Message.ShouldContain("Inloggningen finns inte");
        (await schemes.AddHolderAsync(new AddPositionHolder(_organ.Id, "Rektorer", "Alla", null, new DateOnly(2026, 1, 1), null))).Error!.Message.ShouldContain("grupp");
        (await schemes.AddHolderAsync(new AddPositionHolder(_organ.Id, "Enhetschef förskola", "Sara Ek", null, new DateOnly(2026, 1, 1), null))).Succeeded.ShouldBeTrue();
        (await Schemes(_member).AddHolderAsync(new AddPositionHolder(_organ.Id, "Förvaltningschef", "X", null, new DateOnly(2026, 1, 1), null))).Error!.Code.ShouldBe("not_found");

        // Only a point that allows it is passed on; the enhetschef then decides under 2.1.
        (await schemes.AddOnwardAsync(new AddOnwardDelegation(_organ.Id, "1.1", "Enhetschef förskola", "Jonas Fors", new DateOnly(2026, 3, 1), null)))
            .Error!.Message.ShouldContain("får inte vidaredelegeras");
        (await schemes.AddOnwardAsync(new AddOnwardDelegation(_organ.Id, "2.1", "Enhetschef förskola", "Jonas Fors", new DateOnly(2026, 3, 1), null))).Succeeded.ShouldBeTrue();
        var decided = await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
            [new DecisionRow(1, "2.1", "Enhetschef förskola", null, "2026-11-02", null, "Beslut om barnomsorg på obekväm arbetstid", "Bifall")]));
        decided.Value!.Numbers.ShouldBe(["1/2026"]);

        // A förordnande is not ended before a decision it carries; ended after, a later decision is refused.
        var overview = await schemes.OverviewAsync(_organ.Id);
        var sara = overview.Holders.Single(h => h.Name == "Sara Ek");
        overview.Holders.Single(h => h.Name == "Jonas Fors").HasLogin.ShouldBeTrue();
        (await schemes.EndHolderAsync(new EndAssignment(sara.Id, new DateOnly(2026, 10, 31)))).Error!.Message
            .ShouldBe("Sara Ek har 1 registrerade beslut som Enhetschef förskola efter 2026-10-31. Välj en senare sista dag.");
        (await schemes.EndHolderAsync(new EndAssignment(sara.Id, new DateOnly(2026, 11, 10)))).Succeeded.ShouldBeTrue();
        var onward = overview.Onward.ShouldHaveSingleItem();
        (await schemes.EndOnwardAsync(new EndAssignment(onward.Id, new DateOnly(2026, 2, 1)))).Error!.Message.ShouldContain("2026-03-01");
        (await schemes.EndOnwardAsync(new EndAssignment(onward.Id, new DateOnly(2026, 11, 15)))).Succeeded.ShouldBeTrue();
        var late = await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
            [new DecisionRow(1, "2.1", "Enhetschef förskola", "Sara Ek", "2026-11-12", null, "Beslut om barnomsorg på obekväm arbetstid")]));
        late.Value!.Problems.ShouldHaveSingleItem().Message.ShouldBe("Sara Ek var inte enhetschef förskola 2026-11-12.");
        var afterOnward = await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
            [new DecisionRow(1, "2.1", "Enhetschef förskola", "Sara Ek", "2026-11-16", null, "Beslut om barnomsorg på obekväm arbetstid")]));
        afterOnward.Value!.Problems.ShouldHaveSingleItem().Field.ShouldBe("delegat");
    }

    [Fact]
    public async Task A_decision_document_is_uploaded_checked_and_read_by_those_who_may_and_an_individual_cases_only_by_those_who_register()
    {
        var schemes = Schemes(_registrar);
        var id = (await schemes.DraftAsync(new DraftScheme(_organ.Id, "SUN 2026-01-28 § 12", new DateOnly(2026, 2, 1)))).Value;
        await schemes.SavePointAsync(Point(id, await VersionAsync(1), "1.1", "Förordnande av tf rektor", ["Förvaltningschef"]));
        await schemes.SavePointAsync(Point(id, await VersionAsync(1), "5.1", "Ekonomiskt bistånd", ["Förvaltningschef"], kind: DelegationMatterKind.AuthorityOverIndividuals));
        await schemes.EstablishAsync(new SchemeDraftAction(id, await VersionAsync(1)));
        await schemes.AddHolderAsync(new AddPositionHolder(_organ.Id, "Förvaltningschef", "Jonas Fors", _chiefLogin.UserId, new DateOnly(2024, 1, 1), null));
        await Register(_registrar).HandleAsync(new RegisterDelegatedDecisions(_organ.Id,
        [
            new DecisionRow(1, "1.1", "Förvaltningschef", null, "2026-11-02", "SUN 2026/601", "Förordnande som tf rektor"),
            new DecisionRow(2, "5.1", "Förvaltningschef", null, "2026-11-03", "SUN 2026/903", "Beslut om ekonomiskt bistånd", "Bifall", IndividualCase: true),
        ]));
        List<DelegatedDecision> decisions;
        await using (var db = Database.CreateContext())
        {
            decisions = await db.DelegatedDecisions.AsNoTracking().OrderBy(d => d.DecidedOn).ToListAsync();
        }

        var options = Options.Create(new DocumentOptions { MaxUploadBytes = 1024 * 1024 });
        var attach = new AttachDecisionDocumentHandler(Factory(_registrar), Access(_registrar), _registrar, options);
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8.ToArray();
        (await attach.HandleAsync(new AttachDecisionDocument(decisions[0].Id, decisions[0].Version, "beslut.pdf", "inte en pdf"u8.ToArray()))).Error!.Message
            .ShouldContain("innehållet är inte en PDF");
        (await attach.HandleAsync(new AttachDecisionDocument(decisions[0].Id, decisions[0].Version, "beslut.pdf", new byte[(1024 * 1024) + 1]))).Error!.Message
            .ShouldContain("för stor");
        (await new AttachDecisionDocumentHandler(Factory(_member), Access(_member), _member, options)
            .HandleAsync(new AttachDecisionDocument(decisions[0].Id, decisions[0].Version, "beslut.pdf", pdf))).Error!.Code.ShouldBe("not_found");
        var ordinary = (await attach.HandleAsync(new AttachDecisionDocument(decisions[0].Id, decisions[0].Version, "Förordnande 1-2026.pdf", pdf))).Value;
        // The delegate attaches the document of their own decision.
        var individual = (await new AttachDecisionDocumentHandler(Factory(_chiefLogin), Access(_chiefLogin), _chiefLogin, options)
            .HandleAsync(new AttachDecisionDocument(decisions[1].Id, decisions[1].Version, "Bistånd.pdf", pdf))).Value;

        GetStoredFileHandler Files(TestUser user) => new(Factory(user), Access(user), new AuditTrailRecorder(user, _clock));
        (await Files(_member).HandleAsync(new GetStoredFile(ordinary))).Value!.FileName.ShouldBe("Förordnande 1-2026.pdf");
        (await Files(_member).HandleAsync(new GetStoredFile(individual))).Error!.Code.ShouldBe("not_found", "an individual case's document reaches those who register");
        (await Files(_registrar).HandleAsync(new GetStoredFile(individual))).Value!.ContainsSecret.ShouldBeTrue();
        (await Files(_chiefLogin).HandleAsync(new GetStoredFile(individual))).Succeeded.ShouldBeTrue("the delegate reads their own decision's document");

        var listed = await new ListDelegatedDecisionsHandler(Factory(_member), Access(_member), _member, _clock).HandleAsync(new DecisionFilter(_organ.Id));
        listed.Rows.Single(r => r.IndividualCase).DocumentFileId.ShouldBeNull();
        listed.Rows.Single(r => !r.IndividualCase).DocumentFileId.ShouldBe(ordinary);
        listed.Rows.Single(r => r.IndividualCase).Outcome.ShouldBe("Bifall");
        listed.Rows.ShouldAllBe(r => !r.CanAttach);

        // The delegate, also an official of an organ that comes first by name, opens the register at their own decisions.
        var other = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMN"));
        await InsertAsync(new OrganOfficial(_chiefLogin.UserId!.Value, other.Id, OfficialFunction.Handlaggare));
        var own = await new ListDelegatedDecisionsHandler(Factory(_chiefLogin), Access(_chiefLogin), _chiefLogin, _clock).HandleAsync(null);
        own.Organs.Select(o => o.Name).ShouldBe(["Omsorgsnämnden", "Social- och utbildningsnämnden"]);
        own.OrganId.ShouldBe(_organ.Id);
        own.Rows.Select(r => r.Description).ShouldBe(["Beslut om ekonomiskt bistånd", "Förordnande som tf rektor"], "the delegate sees their own individual case in full");
        own.Rows.ShouldAllBe(r => r.CanAttach);

        await using var check = Database.CreateContext();
        (await check.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretDownloaded && a.EntityId == individual)).ShouldBe(2);
        (await check.StoredFiles.SingleAsync(f => f.Id == individual)).ContainsSecret.ShouldBeTrue();
    }

    /// <summary>The test database's logins, with the staff list the login picker offers (roles live on the test users, not in the table).</summary>
    private sealed class StaffDirectory(IUserDirectory inner, IReadOnlyList<Lookup> staff) : IUserDirectory
    {
        public Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
            inner.DisplayNamesAsync(userIds, cancellationToken);

        public Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default) => inner.ContactAsync(userId, cancellationToken);

        public Task<IReadOnlyList<Lookup>> StaffAsync(CancellationToken cancellationToken = default) => Task.FromResult(staff);

        public Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default) => inner.DeleteAsync(userId, cancellationToken);

        public Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(email, displayName, role, password, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
            inner.DisplayNamesByUserNameAsync(userNames, cancellationToken);
    }
}
