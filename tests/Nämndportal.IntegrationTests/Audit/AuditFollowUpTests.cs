using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Audit;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Audit;

/// <summary>
/// Issue 13 against PostgreSQL: a granskningsrapport to two organs gets two answers, each a case of its own; positions and
/// actions are kept; lateness is computed for today; a revisor reads only their scope, changes nothing, and their reads
/// are in the audit trail.
/// </summary>
public sealed class AuditFollowUpTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(SwedishTime.FromLocal(new DateOnly(2026, 12, 2), new TimeOnly(10, 0)));
    private Organ _sun = null!;
    private Organ _omn = null!;
    private Organ _ks = null!;
    private TestUser _registrar = null!;
    private TestUser _auditor = null!;
    private TestUser _responsible = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _sun = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        _omn = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMN"));
        _ks = await InsertAsync(new Organ("Kommunstyrelsen", "KS", OrganKind.Kommunstyrelse, "KS"));
        _registrar = await CreateUserAsync("registrator", Roles.Registrar);
        _auditor = await CreateUserAsync("revisor", Roles.Auditor);
        _responsible = await CreateUserAsync("karin.lund", Roles.CaseOfficer);
        await InsertAsync(new AuditorScope(_auditor.UserId!.Value, _sun.Id));
    }

    private TestDbContextFactory Factory(TestUser user) => new(Database, user, _clock);

    private AccessService Access(TestUser user) => new(Factory(user), user, _clock);

    private AuditReportsHandler Reports(TestUser user) => new(Factory(user), Access(user), user, new DatabaseUserDirectory(Database), _clock);

    private FollowUpOverviewHandler Overview(TestUser user) => new(Factory(user), Access(user), user, _clock, new AuditTrailRecorder(user, _clock));

    private async Task<Guid> ReportAsync() =>
        (await Reports(_registrar).RegisterAsync(new RegisterAuditReport(
            "Granskning av informationssäkerhet", "KPMG AB", "De förtroendevalda revisorerna i Exempelby kommun", new DateOnly(2026, 10, 31), 2026,
            [_sun.Id, _omn.Id], new DateOnly(2027, 1, 31),
            [
                new("Säkerställ att det finns en informationssäkerhetspolicy.", [_sun.Id, _omn.Id]),
                new("Genomför informationsklassning av verksamhetssystemen.", [_sun.Id]),
                new("Utbilda medarbetarna i informationssäkerhet.", [_omn.Id]),
            ]))).Value;

    [Fact]
    public async Task A_recommendation_to_two_organs_gets_two_answers_each_a_case_with_positions_and_actions()
    {
        var reportId = await ReportAsync();
        (await Reports(_registrar).RegisterAsync(new RegisterAuditReport("X", "KPMG AB", "Revisorerna", new DateOnly(2026, 10, 31), 2026, [_sun.Id], null,
            [new("R", [_omn.Id])]))).Error!.Message.ShouldContain("Rekommendation 1");

        var sunAnswer = (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _sun.Id))).Value;
        var omnAnswer = (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _omn.Id))).Value;
        (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _sun.Id))).Error!.Message.ShouldContain("redan ett ärende");
        (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _ks.Id))).Error!.Code.ShouldBe("not_found");

        await using (var db = Database.CreateContext())
        {
            var answers = await db.AuditAnswers.Where(a => a.ReportId == reportId).ToListAsync();
            answers.Count.ShouldBe(2);
            var cases = await db.Cases.Where(c => answers.Select(a => a.CaseId).Contains(c.Id)).ToListAsync();
            cases.Select(c => (c.OrganId, c.Title)).OrderBy(c => c.Title).ShouldAllBe(c => c.Title == "Yttrande över granskningsrapport: Granskning av informationssäkerhet");
            cases.Select(c => c.OrganId).ShouldBe([_sun.Id, _omn.Id], ignoreOrder: true);
        }

        var recommendations = await RecommendationsAsync(reportId);
        var version = await AnswerVersionAsync(sunAnswer);
        (await Reports(_registrar).TakePositionAsync(new TakeRecommendationPosition(sunAnswer, version, recommendations[2], "x", null))).Error!.Message
            .ShouldContain("inte riktad till detta organ");
        (await Reports(_registrar).TakePositionAsync(new TakeRecommendationPosition(sunAnswer, version, recommendations[0], "Nämnden delar bedömningen.", new DateOnly(2027, 1, 20))))
            .Succeeded.ShouldBeTrue();
        (await Reports(_registrar).TakePositionAsync(new TakeRecommendationPosition(sunAnswer, version, recommendations[1], "Stale.", null))).Error!.Code.ShouldBe("conflict");

        var late = (await Reports(_registrar).AddActionAsync(new AddFollowUpAction(sunAnswer, recommendations[0], "Ta fram en policy", "Karin Lund", _responsible.UserId, new DateOnly(2026, 11, 30)))).Value;
        var done = (await Reports(_registrar).AddActionAsync(new AddFollowUpAction(sunAnswer, recommendations[1], "Klassa systemen", "Per Holm", null, new DateOnly(2026, 11, 15)))).Value;
        (await Reports(_registrar).AddActionAsync(new AddFollowUpAction(omnAnswer, recommendations[1], "Fel organ", "X", null, null))).Error!.Message.ShouldContain("riktad till organet");

        // The responsible person updates their own action; another's they cannot.
        (await Reports(_responsible).UpdateActionAsync(new UpdateFollowUp(late, await ActionVersionAsync(late), FollowUpStatus.Pagar, "Utkast klart."))).Succeeded.ShouldBeTrue();
        (await Reports(_responsible).UpdateActionAsync(new UpdateFollowUp(done, await ActionVersionAsync(done), FollowUpStatus.Genomford, null))).Error!.Code.ShouldBe("not_found");
        (await Reports(_registrar).UpdateActionAsync(new UpdateFollowUp(done, await ActionVersionAsync(done), FollowUpStatus.Genomford, "Klart."))).Succeeded.ShouldBeTrue();

        var overview = await Overview(_registrar).HandleAsync(_sun.Id);
        overview.Reports.ShouldHaveSingleItem().AnswerId.ShouldBe(sunAnswer);
        overview.Recommendations.Select(r => (r.Number, r.Position)).ShouldBe([(1, "Nämnden delar bedömningen."), (2, (string?)null)]);
        overview.Items.ShouldHaveSingleItem("the done action is not open");
        var row = overview.Items[0];
        (row.What, row.Late, row.DaysLeft, row.Status, row.LastNote).ShouldBe(("Ta fram en policy", true, -2, FollowUpStatus.Pagar, "Utkast klart."));
        (await Overview(_registrar).HandleAsync(_sun.Id, FollowUpFilter.All)).Items.Count.ShouldBe(2);
        (await Overview(_registrar).HandleAsync(_sun.Id, FollowUpFilter.Late)).Items.ShouldHaveSingleItem().Id.ShouldBe(late);
        overview.History[^1].ShouldBe(new StatusPoint(new DateOnly(2026, 12, 1), 1, 1, 1));

        var excel = (await Overview(_registrar).ExportAsync(_sun.Id)).Value!;
        excel.FileName.ShouldEndWith(".xlsx");
        excel.Content.Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task A_revisor_reads_only_the_organs_in_their_scope_changes_nothing_and_their_reads_are_audited()
    {
        var reportId = await ReportAsync();
        var sunAnswer = (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _sun.Id))).Value;
        var recommendations = await RecommendationsAsync(reportId);
        await Reports(_registrar).AddActionAsync(new AddFollowUpAction(sunAnswer, recommendations[0], "Ta fram en policy", "Karin Lund", null, new DateOnly(2027, 3, 31)));

        var seen = await Overview(_auditor).HandleAsync(_omn.Id);
        seen.Organs.Select(o => o.Id).ShouldBe([_sun.Id], "only the organ in the revisor's scope");
        seen.OrganId.ShouldBe(_sun.Id);
        seen.CanManage.ShouldBeFalse();
        seen.Items.ShouldHaveSingleItem().CanUpdate.ShouldBeFalse();

        (await Reports(_auditor).StartAnswerAsync(new StartAuditAnswer(reportId, _omn.Id))).Error!.Code.ShouldBe("not_found");
        (await Reports(_auditor).AddActionAsync(new AddFollowUpAction(sunAnswer, recommendations[0], "x", "y", null, null))).Error!.Code.ShouldBe("not_found");
        (await Reports(_auditor).RegisterAsync(new RegisterAuditReport("X", "KPMG AB", "Revisorerna", new DateOnly(2026, 10, 31), 2026, [_sun.Id], null, [new("R", [_sun.Id])])))
            .Error!.Code.ShouldBe("not_found");

        await using var db = Database.CreateContext();
        var reads = await db.AuditTrail.Where(a => a.Action == AuditActions.AuditMaterialRead).ToListAsync();
        reads.ShouldHaveSingleItem().EntityId.ShouldBe(_sun.Id);
        reads[0].UserName.ShouldBe("revisor");
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(AuditReport))).ShouldBe(1, "the registration is in the audit trail");
    }

    private async Task<List<Guid>> RecommendationsAsync(Guid reportId)
    {
        await using var db = Database.CreateContext();
        return await db.AuditRecommendations.Where(r => r.ReportId == reportId).OrderBy(r => r.Number).Select(r => r.Id).ToListAsync();
    }

    private async Task<uint> AnswerVersionAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return (await db.AuditAnswers.SingleAsync(a => a.Id == id)).Version;
    }

    private async Task<uint> ActionVersionAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return (await db.FollowUpActions.SingleAsync(a => a.Id == id)).Version;
    }
}
