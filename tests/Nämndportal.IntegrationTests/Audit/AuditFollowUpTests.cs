using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Mail;
using Nämndportal.Application.Meetings;
using Nämndportal.Infrastructure.Mail;
using Nämndportal.Application.Audit;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Files;
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

    private AuditReportsHandler Reports(TestUser user) => new(Factory(user), Access(user), user, new DatabaseUserDirectory(Database), _clock, new AuditTrailRecorder(user, _clock));

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

        (await Overview(_registrar).HandleAsync(null)).OrganId.ShouldBe(_omn.Id, "without a choice, the first organ with something to follow up (not Kommunstyrelsen)");
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

    [Fact]
    public async Task Reminders_go_once_per_due_date_and_kind_through_the_real_smtp_path_also_when_the_job_is_retried()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var reportId = await ReportAsync();
        var answer = (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _sun.Id))).Value;
        var recommendations = await RecommendationsAsync(reportId);
        // Today is 2 December; reminders go 7 days ahead.
        var soon = (await Reports(_registrar).AddActionAsync(new AddFollowUpAction(answer, recommendations[0], "Ta fram en policy", "Karin Lund", _responsible.UserId, new DateOnly(2026, 12, 7)))).Value;
        await Reports(_registrar).AddActionAsync(new AddFollowUpAction(answer, recommendations[1], "Klassa systemen", "Karin Lund", _responsible.UserId, new DateOnly(2027, 2, 1)));
        await Reports(_registrar).AddActionAsync(new AddFollowUpAction(answer, recommendations[0], "Utan inloggning", "Per Holm", null, new DateOnly(2026, 12, 3)));

        // The mail server is down: the job fails, and nothing is recorded as sent.
        await Should.ThrowAsync<MailDeliveryException>(() => Job(SmtpTestServer.FreeLoopbackPort()).RunAsync(CancellationToken.None));
        await using (var db = Database.CreateContext())
        {
            (await db.DueDateReminders.CountAsync()).ShouldBe(0, "a mail the server did not take gives its claim back");
        }

        // The retry reaches the server: one reminder, for the action due within seven days and with a login.
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(1);
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(0, "a second run the same day sends nothing");
        var first = smtp.Received.ShouldHaveSingleItem();
        first.EnvelopeTo.ShouldBe(["karin.lund@exempelby.se"]);
        first.Message.Subject.ShouldBe("Påminnelse: Ta fram en policy ska vara klar 2026-12-07");
        first.Message.TextBody!.ShouldContain("om 5 dagar");
        first.Message.MessageId.ShouldStartWith($"paminnelse-{soon:N}-20261207-before");

        // Days later, still before the date: nothing new. After it: one overdue reminder, once.
        _clock.SetUtcNow(SwedishTime.FromLocal(new DateOnly(2026, 12, 6), new TimeOnly(7, 0)));
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(0);
        _clock.SetUtcNow(SwedishTime.FromLocal(new DateOnly(2026, 12, 8), new TimeOnly(7, 0)));
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(1);
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(0);
        smtp.Received[^1].Message.Subject.ShouldBe("Försenad: Ta fram en policy");

        // Done: no more reminders, whatever the day.
        (await Reports(_registrar).UpdateActionAsync(new UpdateFollowUp(soon, await ActionVersionAsync(soon), FollowUpStatus.Genomford, "Klart."))).Succeeded.ShouldBeTrue();
        _clock.SetUtcNow(SwedishTime.FromLocal(new DateOnly(2027, 1, 28), new TimeOnly(7, 0)));
        (await Job(smtp.Port).RunAsync(CancellationToken.None)).ShouldBe(1, "only the other action, now within seven days of 1 February");
        smtp.Received.Count.ShouldBe(3);
        smtp.Received.ShouldAllBe(m => m.EnvelopeTo.Single() == "karin.lund@exempelby.se");
    }

    [Fact]
    public async Task The_draft_yttrande_holds_the_recommendations_positions_and_actions_and_never_overwrites_a_written_report()
    {
        var reportId = await ReportAsync();
        var answer = (await Reports(_registrar).StartAnswerAsync(new StartAuditAnswer(reportId, _sun.Id))).Value;
        var recommendations = await RecommendationsAsync(reportId);
        await Reports(_registrar).TakePositionAsync(new TakeRecommendationPosition(answer, await AnswerVersionAsync(answer), recommendations[0], "Nämnden delar bedömningen.", new DateOnly(2027, 6, 30)));
        await Reports(_registrar).AddActionAsync(new AddFollowUpAction(answer, recommendations[0], "Ta fram en policy.", "Karin Lund", null, new DateOnly(2027, 3, 31)));

        var draft = (await Reports(_registrar).DraftStatementAsync(answer)).Value!;
        draft.ShouldStartWith("Yttrande över granskningsrapport: Granskning av informationssäkerhet");
        draft.ShouldContain("Rekommendation 1: Säkerställ att det finns en informationssäkerhetspolicy.");
        draft.ShouldContain("Nämndens ställningstagande: Nämnden delar bedömningen.");
        draft.ShouldContain("- Ta fram en policy. Ansvarig: Karin Lund. Klart senast 2027-03-31. Status: Ej påbörjad.");
        draft.ShouldContain("Nämnden återrapporterar senast 2027-06-30.");
        draft.ShouldContain("Rekommendation 2: Genomför informationsklassning");
        draft.ShouldNotContain("Rekommendation 3", Case.Sensitive, "addressed to Omsorgsnämnden only");
        (await Reports(_auditor).DraftStatementAsync(answer)).Error!.Code.ShouldBe("not_found");

        (await Reports(_registrar).WriteStatementIntoReportAsync(answer)).Succeeded.ShouldBeTrue();
        await using (var db = Database.CreateContext())
        {
            var caseId = (await db.AuditAnswers.SingleAsync(a => a.Id == answer)).CaseId;
            var report = await db.OfficerReports.SingleAsync(r => r.CaseId == caseId);
            report.DescriptionHtml.ShouldContain("<p>Rekommendation 1: Säkerställ att det finns en informationssäkerhetspolicy.</p>");
            report.Proposals.ShouldBe(["avge yttrande över granskningsrapporten enligt förvaltningens förslag"]);
        }

        (await Reports(_registrar).WriteStatementIntoReportAsync(answer)).Error!.Message.ShouldContain("skrivs inte över");
    }

    [Fact]
    public async Task An_internal_control_plan_gets_its_results_and_is_reported_to_the_board_as_a_case_then_locked()
    {
        var control = new InternalControlHandler(Factory(_registrar), Access(_registrar), _registrar, new DatabaseUserDirectory(Database), _clock, new AuditTrailRecorder(_registrar, _clock));
        (await control.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "Fel attestant", "Stickprov", "Ekonom", "April"))).Succeeded.ShouldBeTrue();
        (await control.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "Beslut utan delegation", "Genomgång", "Verksamhetschef", "Oktober"))).Succeeded.ShouldBeTrue();
        (await control.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "", "x", "y", "z"))).Error!.Message.ShouldContain("Beskriv risken");
        (await control.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "Felskrivet", "x", "y", "z"))).Succeeded.ShouldBeTrue();
        var draft = (await control.GetAsync(_sun.Id, 2026)).Value!.Plan!;
        (await control.RemovePointAsync(draft.Id, draft.Version, draft.Points[^1].Id)).Succeeded.ShouldBeTrue();
        var auditorControl = new InternalControlHandler(Factory(_auditor), Access(_auditor), _auditor, new DatabaseUserDirectory(Database), _clock, new AuditTrailRecorder(_auditor, _clock));
        (await auditorControl.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "r", "m", "a", "w"))).Error!.Code.ShouldBe("not_found");

        var plan = (await control.GetAsync(_sun.Id, 2026)).Value!.Plan!;
        (await control.ReportToBoardAsync(plan.Id, plan.Version)).Error!.Message.ShouldContain("2 kontrollmoment saknar resultat");
        (await control.RecordResultAsync(new RecordControlResult(plan.Id, plan.Version, plan.Points[0].Id, "Inga fel.", false))).Succeeded.ShouldBeTrue();
        plan = (await control.GetAsync(_sun.Id, 2026)).Value!.Plan!;
        (await control.RecordResultAsync(new RecordControlResult(plan.Id, plan.Version, plan.Points[1].Id, "Ett beslut saknade stöd.", true))).Succeeded.ShouldBeTrue();
        plan = (await control.GetAsync(_sun.Id, 2026)).Value!.Plan!;
        var caseId = (await control.ReportToBoardAsync(plan.Id, plan.Version)).Value;

        var view = (await auditorControl.GetAsync(_sun.Id, 2026)).Value!;
        view.CanManage.ShouldBeFalse();
        view.Plan!.ReportCaseId.ShouldBe(caseId);
        view.ReportCaseNumber.ShouldNotBeNull();
        (await auditorControl.GetAsync(_omn.Id, 2026)).Error!.Code.ShouldBe("not_found", "outside the revisor's scope");
        await using var db = Database.CreateContext();
        (await db.Cases.SingleAsync(c => c.Id == caseId)).Title.ShouldBe("Uppföljning av internkontrollplan 2026");
        (await db.OfficerReports.SingleAsync(r => r.CaseId == caseId)).SearchText.ShouldContain("2. Beslut utan delegation");
        plan = (await control.GetAsync(_sun.Id, 2026)).Value!.Plan!;
        (await control.AddPointAsync(new AddControlPoint(_sun.Id, 2026, "Sent", "x", "y", "z"))).Error!.Message.ShouldContain("rapporterad till nämnden");
    }

    [Fact]
    public async Task The_reports_file_is_checked_like_a_handling_and_read_by_its_organs_readers_a_revisors_download_audited()
    {
        var reportId = await ReportAsync();
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        (await Reports(_registrar).AttachFileAsync(reportId, false, "Rapport.pdf", System.Text.Encoding.ASCII.GetBytes("inte en pdf"), 1_000_000)).Error!.Code.ShouldBe("invalid");
        (await Reports(_registrar).AttachFileAsync(reportId, false, "Rapport.pdf", pdf, 10)).Error!.Message.ShouldContain("för stor");
        (await Reports(_auditor).AttachFileAsync(reportId, false, "Rapport.pdf", pdf, 1_000_000)).Error!.Code.ShouldBe("not_found");
        var fileId = (await Reports(_registrar).AttachFileAsync(reportId, true, "Missiv.pdf", pdf, 1_000_000)).Value;
        (await Reports(_registrar).DetailsAsync(reportId)).Value!.CoverLetterFileName.ShouldBe("Missiv.pdf");

        GetStoredFileHandler Files(TestUser user) => new(Factory(user), Access(user), new AuditTrailRecorder(user, _clock));
        (await Files(_auditor).HandleAsync(new GetStoredFile(fileId))).Succeeded.ShouldBeTrue("Social- och utbildningsnämnden is in the revisor's scope");
        var outsider = await CreateUserAsync("utomstaende", Roles.CaseOfficer);
        (await Files(outsider).HandleAsync(new GetStoredFile(fileId))).Error!.Code.ShouldBe("not_found");
        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.AuditMaterialRead && a.UserName == "revisor")).ShouldBe(1);
    }

    [Fact]
    public void An_assignments_task_is_suggested_from_the_att_sats_that_gives_a_task_and_never_from_a_secret_section()
    {
        string[] decisions = ["anta planen", "uppdra åt förvaltningen att återrapportera i maj", "ge förvaltningschefen i uppdrag att utreda"];
        AssignmentsHandler.SuggestedTask(decisions, null).ShouldBe("uppdra åt förvaltningen att återrapportera i maj");
        AssignmentsHandler.SuggestedTask(["ge förvaltningschefen i uppdrag att utreda"], null).ShouldBe("ge förvaltningschefen i uppdrag att utreda");
        AssignmentsHandler.SuggestedTask(["anta planen"], null).ShouldBeNull();
        AssignmentsHandler.SuggestedTask(decisions, "26 kap. 1 § OSL").ShouldBeNull("a secret §'s decision is not offered as the task");
    }

    [Fact]
    public async Task Only_the_administrator_keeps_a_revisors_scope_and_only_logins_with_the_revisor_role_can_be_added()
    {
        var admin = await CreateUserAsync("admin", Roles.Administrator);
        var staff = new StaffDirectory(new DatabaseUserDirectory(Database),
            [new(_auditor.UserId!.Value, "Rut Revisor (Revisor)"), new(_responsible.UserId!.Value, "Karin Lund (Handläggare)")]);
        AuditorScopesHandler Scopes(TestUser user) => new(Factory(user), Access(user), staff);

        var (inScope, candidates) = await Scopes(admin).ListAsync(_omn.Id);
        (inScope.Count, candidates.Select(c => c.Name).Single()).ShouldBe((0, "Rut Revisor"));
        (await Scopes(admin).AddAsync(_omn.Id, _responsible.UserId!.Value)).Error!.Message.ShouldContain("rollen Revisor");
        (await Scopes(_registrar).AddAsync(_omn.Id, _auditor.UserId!.Value)).Error!.Code.ShouldBe("not_found");
        (await Scopes(admin).AddAsync(_omn.Id, _auditor.UserId!.Value)).Succeeded.ShouldBeTrue();
        (await Scopes(admin).AddAsync(_omn.Id, _auditor.UserId!.Value)).Error!.Message.ShouldContain("redan");
        (await Overview(_auditor).HandleAsync(_omn.Id)).OrganId.ShouldBe(_omn.Id, "the revisor now reads Omsorgsnämnden's follow-up");
        (await Scopes(admin).RemoveAsync(_omn.Id, _auditor.UserId!.Value)).Succeeded.ShouldBeTrue();
        (await Overview(_auditor).HandleAsync(_omn.Id)).Organs.Select(o => o.Id).ShouldBe([_sun.Id]);

        // A responsible person chosen from the staff list is their name and login; a typed name of no login is kept as typed.
        StaffChoice.Resolve(await staff.StaffAsync(), "Karin Lund (Handläggare)").ShouldBe(("Karin Lund", _responsible.UserId));
        StaffChoice.Resolve(await staff.StaffAsync(), "karin lund").ShouldBe(("Karin Lund", _responsible.UserId));
        StaffChoice.Resolve(await staff.StaffAsync(), " Per Holm ").ShouldBe(("Per Holm", (Guid?)null));
    }

    /// <summary>The test database's logins, with a staff list given (the test database keeps no roles).</summary>
    private sealed class StaffDirectory(IUserDirectory inner, IReadOnlyList<Nämndportal.Application.Organisation.Lookup> staff) : IUserDirectory
    {
        public Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
            inner.DisplayNamesAsync(userIds, cancellationToken);

        public Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default) => inner.ContactAsync(userId, cancellationToken);

        public Task<IReadOnlyList<Nämndportal.Application.Organisation.Lookup>> StaffAsync(CancellationToken cancellationToken = default) => Task.FromResult(staff);

        public Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default) => inner.DeleteAsync(userId, cancellationToken);

        public Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(email, displayName, role, password, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
            inner.DisplayNamesByUserNameAsync(userNames, cancellationToken);
    }

    private DueDateRemindersJob Job(int smtpPort) =>
        new(Factory(TestUser.Anonymous), new MailKitMailer(Options.Create(new MailOptions
            {
                Host = "127.0.0.1", Port = smtpPort, UseTls = MailTlsMode.None, FromAddress = "noreply@exempelby.se", FromName = "Nämndportal Exempelby",
                Timeout = TimeSpan.FromSeconds(5),
            }), NullLogger<MailKitMailer>.Instance),
            new DatabaseUserDirectory(Database), Options.Create(new FollowUpOptions { ReminderDaysBefore = 7 }), Options.Create(new PortalOptions()), _clock,
            NullLogger<DueDateRemindersJob>.Instance);

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
