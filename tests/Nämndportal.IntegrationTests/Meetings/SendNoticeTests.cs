using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Mail;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Mail;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Meetings;

/// <summary>
/// Sending the kallelse through a real SMTP server on loopback: exactly the called get one mail each, also when the job
/// is retried or the server was down; no closed item or secret reaches a mail; re-issues, warnings, access, and the
/// cancellation notice.
/// </summary>
public sealed class SendNoticeTests(DatabaseFixture database, PdfRendererFixture pdf)
    : IntegrationTest(database), IClassFixture<PdfRendererFixture>
{
    private const string ClosedTitle = "Yttrande i ett enskilt ärende";
    private static readonly DateOnly MeetingDay = new(2026, 12, 9);

    private SmtpTestServer _smtp = null!;
    private OfficerReportScenario _s = null!;
    private Meeting _meeting = null!;
    private TestUser _secretary = null!;
    private readonly RecordingJobScheduler _jobs = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _smtp = await SmtpTestServer.StartAsync();
        _s = await OfficerReportScenario.CreateAsync(Database);
        await using var db = Database.CreateContext();
        _secretary = User(db, "sara.sekreterare@exempelby.se", "Sara Sekreterare", Roles.Secretary);
        db.OrganOfficials.Add(new OrganOfficial(_secretary.UserId!.Value, _s.Organ.Id, OfficialFunction.Namndsekreterare));
        var s = new Party("S", "Socialdemokraterna", false);
        var m = new Party("M", "Moderaterna", false);
        db.Parties.AddRange(s, m);
        var annaUser = User(db, "anna.andersson@exempelby.se", "Anna Andersson", Roles.Member);
        var anna = new Person("Anna", "Andersson", "anna.andersson@exempelby.se", s.Id) { UserId = annaUser.UserId };
        var erik = new Person("Erik", "Eriksson", "erik.eriksson@exempelby.se", m.Id);
        var gunnar = new Person("Gunnar", "Gammal", "gunnar.gammal@exempelby.se", s.Id);
        db.Persons.AddRange(anna, erik, gunnar);
        db.Memberships.AddRange(
            new Membership(anna.Id, _s.Organ.Id, MembershipRole.Ledamot, new DateOnly(2026, 1, 1), null, partyId: s.Id),
            new Membership(erik.Id, _s.Organ.Id, MembershipRole.Ersattare, new DateOnly(2026, 1, 1), null, partyId: m.Id),
            // His seat ended before the meeting: not called.
            new Membership(gunnar.Id, _s.Organ.Id, MembershipRole.Ledamot, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30), partyId: s.Id));
        // Bengt sits in Byggnadsnämnden and has an address: not called to Omsorgsnämnden.
        var bengt = await db.Persons.SingleAsync(p => p.UserId == _s.Outsider.UserId);
        bengt.Update("Bengt", "Bygg", "bengt.bygg@exempelby.se", null, null);
        await db.SaveChangesAsync();
        _meeting = await MeetingAsync();
    }

    public override async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_kallelse_reaches_exactly_the_members_and_substitutes_seated_on_the_meeting_day_and_the_secretary_once_each_also_when_the_job_runs_twice()
    {
        var (taskId, versionId) = await SendAsync();

        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        var mails = _smtp.Received;
        mails.SelectMany(m => m.EnvelopeTo).Order().ToList().ShouldBe(
            new List<string> { "anna.andersson@exempelby.se", "erik.eriksson@exempelby.se", "sara.sekreterare@exempelby.se" },
            customMessage: "Gunnar's seat ended, Bengt sits in another organ, Lars has no address; nobody twice");
        var mail = mails.First(m => m.EnvelopeTo.Contains("anna.andersson@exempelby.se")).Message;
        var text = mail.TextBody ?? string.Empty;
        mail.Subject.ShouldBe("Kallelse: Omsorgsnämnden onsdag 9 december 2026");
        text.ShouldContain("Tid: onsdag 9 december 2026 kl. 13.00–16.00");
        text.ShouldContain("Plats: Sammanträdesrum Björken");
        text.ShouldContain("1. Val av justerare");
        text.ShouldContain("2. Plan för äldreomsorgens platser (OMF-2026-12)");
        text.ShouldContain($"http://127.0.0.1:5080/sammantraden/{_meeting.Id}");
        text.ShouldContain("Sara Sekreterare");
        (mail.HtmlBody ?? string.Empty).ShouldContain("Plan för äldreomsorgens platser");

        await using var db = Database.CreateContext();
        var rows = await db.NoticeRecipients.Where(r => r.NoticeVersionId == versionId).ToListAsync();
        rows.Select(r => (r.Name, r.Capacity, r.Status)).OrderBy(r => r.Name).ShouldBe([
            ("Anna Andersson", "Ledamot (S)", DeliveryStatus.Sent),
            ("Erik Eriksson", "Ersättare (M)", DeliveryStatus.Sent),
            ("Lars Ledamot", "Ledamot", DeliveryStatus.NoAddress),
            ("Sara Sekreterare", "Nämndsekreterare", DeliveryStatus.Sent),
        ]);
        (await db.BackgroundTasks.SingleAsync(t => t.Id == taskId)).Status.ShouldBe(BackgroundTaskStatus.Succeeded);
        (await db.NoticeVersions.SingleAsync(v => v.Id == versionId)).HasPacks.ShouldBeTrue();
        // A notis for each recipient with a login, once, also the one without an e-mail address.
        (await db.Notifications.Select(n => n.UserId).ToListAsync()).Order().ShouldBe(
            new[] { _s.Member.UserId!.Value, _secretary.UserId!.Value, rows.Single(r => r.Name == "Anna Andersson").UserId!.Value }.Order());
        (await db.Meetings.SingleAsync(m => m.Id == _meeting.Id)).Status.ShouldBe(MeetingStatus.KallelseSkickad);
    }

    [Fact]
    public async Task The_mail_holds_no_closed_items_title_and_nothing_of_a_secret_or_closed_handling()
    {
        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        var mail = _smtp.Received[0].Message;
        var all = mail.TextBody + mail.HtmlBody + mail.Subject;
        all.ShouldNotContain(ClosedTitle);
        all.ShouldNotContain("OMF-2026-13", customMessage: "not even the closed item's case number");
        all.ShouldNotContain("Sven Svensson");
        all.ShouldNotContain("Utredning");
        (mail.TextBody ?? string.Empty).ShouldContain($"3. {AgendaItem.NeutralPublicTitle}");
        mail.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_mail_server_is_down_the_job_fails_and_its_retry_reaches_everyone_once()
    {
        var (taskId, versionId) = await SendAsync();

        await Should.ThrowAsync<MailDeliveryException>(() => Job(SmtpTestServer.FreeLoopbackPort()).RunAsync(taskId, versionId, CancellationToken.None));
        await using (var db = Database.CreateContext())
        {
            (await db.NoticeRecipients.CountAsync(r => r.NoticeVersionId == versionId && r.Status == DeliveryStatus.Failed)).ShouldBe(3);
            var task = await db.BackgroundTasks.SingleAsync(t => t.Id == taskId);
            task.Status.ShouldBe(BackgroundTaskStatus.Failed);
            task.ErrorMessage.ShouldNotBeNull().ShouldContain("nådde inte 3 mottagare");
        }

        _smtp.Received.ShouldBeEmpty();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        _smtp.Received.SelectMany(m => m.EnvelopeTo).Count().ShouldBe(3);
        _smtp.Received.SelectMany(m => m.EnvelopeTo).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_recipient_left_in_sending_by_a_crash_is_not_mailed_again_until_the_secretary_releases_it()
    {
        var (taskId, versionId) = await SendAsync();
        await using (var db = Database.CreateContext())
        {
            var erik = await db.NoticeRecipients.SingleAsync(r => r.NoticeVersionId == versionId && r.Name == "Erik Eriksson");
            erik.RecordSending();
            await db.SaveChangesAsync();
        }

        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        _smtp.Received.SelectMany(m => m.EnvelopeTo).ShouldNotContain("erik.eriksson@exempelby.se");
        _smtp.Received.Count.ShouldBe(2);
        Guid erikId;
        await using (var db = Database.CreateContext())
        {
            var erik = await db.NoticeRecipients.SingleAsync(r => r.NoticeVersionId == versionId && r.Name == "Erik Eriksson");
            erik.Status.ShouldBe(DeliveryStatus.Sending);
            erikId = erik.Id;
            (await db.BackgroundTasks.SingleAsync(t => t.Id == taskId)).Status.ShouldBe(BackgroundTaskStatus.Succeeded, "retrying cannot help: the secretary checks");
        }

        var resend = await Resend(_secretary).HandleAsync(new ResendNoticeRecipient(_meeting.Id, erikId));
        resend.Succeeded.ShouldBeTrue(resend.Error?.Message);
        await Job(_smtp.Port).RunAsync(resend.Value, versionId, CancellationToken.None);

        _smtp.Received.Count.ShouldBe(3);
        _smtp.Received[^1].EnvelopeTo.ShouldBe(["erik.eriksson@exempelby.se"]);
    }

    [Fact]
    public async Task A_second_run_of_the_sending_while_another_run_holds_it_does_not_start_and_its_retry_mails_everyone_once()
    {
        var (taskId, versionId) = await SendAsync();
        await using (var otherWorker = Database.CreateContext())
        {
            // Another worker (a job engine that took the job again when a live instance's keep-alive was late) runs it now.
            await using var other = await BackgroundTaskRun.StartAsync(otherWorker, taskId, _s.Clock, NullLogger.Instance, "other run", CancellationToken.None);
            other.ShouldNotBeNull();

            await Should.ThrowAsync<TaskRunningElsewhereException>(() => Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None));

            _smtp.Received.ShouldBeEmpty();
            await using var db = Database.CreateContext();
            (await db.BackgroundTasks.SingleAsync(t => t.Id == taskId)).Attempts.ShouldBe(1, "the run that did not start is not an attempt");
        }

        // The other run let go without finishing (its process ended): the engine's retry of this one does the work.
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        _smtp.Received.SelectMany(m => m.EnvelopeTo).Order().ToList().ShouldBe(
            ["anna.andersson@exempelby.se", "erik.eriksson@exempelby.se", "sara.sekreterare@exempelby.se"]);
        await using (var db = Database.CreateContext())
        {
            var task = await db.BackgroundTasks.SingleAsync(t => t.Id == taskId);
            task.Status.ShouldBe(BackgroundTaskStatus.Succeeded);
            task.Attempts.ShouldBe(2);
        }
    }

    [Fact]
    public async Task A_recipient_claimed_by_another_run_after_this_run_loaded_the_list_is_left_to_that_run_and_not_mailed_twice()
    {
        var (taskId, versionId) = await SendAsync();
        var otherRun = new ClaimsFirst(Database, "Erik Eriksson");

        await Job(_smtp.Port, otherRun).RunAsync(taskId, versionId, CancellationToken.None);

        otherRun.Claimed.ShouldBeTrue("the other run claimed Erik's row between this run's loading and its claim");
        _smtp.Received.SelectMany(m => m.EnvelopeTo).Order().ToList().ShouldBe(
            ["anna.andersson@exempelby.se", "sara.sekreterare@exempelby.se"],
            customMessage: "Erik's mail is the other run's: this run must not send it too");
        await using var db = Database.CreateContext();
        var erik = await db.NoticeRecipients.SingleAsync(r => r.NoticeVersionId == versionId && r.Name == "Erik Eriksson");
        erik.Status.ShouldBe(DeliveryStatus.Sending, "the other run's claim stands");
        erik.Attempts.ShouldBe(1, "claimed once, by the other run");
        (await db.BackgroundTasks.SingleAsync(t => t.Id == taskId)).Status.ShouldBe(BackgroundTaskStatus.Succeeded);
    }

    [Fact]
    public async Task A_re_issue_needs_a_change_note_and_the_mail_tells_what_changed_first()
    {
        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        var withoutNote = await Send(_secretary).HandleAsync(Request(await VersionAsync()));
        withoutNote.Error.ShouldNotBeNull().Message.ShouldContain("Skriv kort vad som har ändrats");

        var (taskId2, versionId2) = await SendAsync(changeNote: "Punkt 2 har fått en ny bilaga.");
        await Job(_smtp.Port).RunAsync(taskId2, versionId2, CancellationToken.None);

        var reissued = _smtp.Received.Skip(3).ToList();
        reissued.Count.ShouldBe(3);
        var mail = reissued[0].Message;
        mail.Subject.ShouldBe("Ändrad kallelse: Omsorgsnämnden onsdag 9 december 2026");
        (mail.TextBody ?? string.Empty).ShouldStartWith("Kallelsen har ändrats: Punkt 2 har fått en ny bilaga.");
        await using var db = Database.CreateContext();
        (await db.NoticeVersions.SingleAsync(v => v.Id == versionId2)).Number.ShouldBe(2);
    }

    [Fact]
    public async Task Sending_with_open_warnings_asks_for_confirmation_and_records_who_confirmed_them()
    {
        var refused = await Send(_secretary).HandleAsync(Request(await VersionAsync()) with { ConfirmWarnings = false });

        refused.Error.ShouldNotBeNull().Code.ShouldBe(SendNoticeHandler.ConfirmationNeeded);
        refused.Error.Message.ShouldContain("sekretessmarkerad");
        await using (var db = Database.CreateContext())
        {
            (await db.NoticeVersions.AnyAsync()).ShouldBeFalse();
        }

        var (_, versionId) = await SendAsync();
        await using var check = Database.CreateContext();
        var version = await check.NoticeVersions.SingleAsync(v => v.Id == versionId);
        version.ConfirmedWarnings.ShouldNotBeNull().ShouldContain("sekretessmarkerad");
        version.SentByName.ShouldBe("Sara Sekreterare");
        version.SentByUserId.ShouldBe(_secretary.UserId);
    }

    [Fact]
    public async Task A_meeting_on_a_day_when_nobody_holds_a_seat_is_a_warning_to_confirm()
    {
        await using (var db = Database.CreateContext())
        {
            // The term ended before the meeting and the new roster is not entered yet.
            foreach (var membership in await db.Memberships.Where(m => m.OrganId == _s.Organ.Id).ToListAsync())
            {
                db.Memberships.Remove(membership);
            }

            await db.SaveChangesAsync();
        }

        var refused = await Send(_secretary).HandleAsync(Request(await VersionAsync()) with { ConfirmWarnings = false });

        refused.Error.ShouldNotBeNull().Code.ShouldBe(SendNoticeHandler.ConfirmationNeeded);
        refused.Error.Message.ShouldContain("Ingen ledamot eller ersättare har ett uppdrag i Omsorgsnämnden som gäller på sammanträdesdagen 2026-12-09");
    }

    [Fact]
    public async Task Rule1_a_late_kallelse_is_a_warning_to_confirm()
    {
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));

        var refused = await Send(_secretary).HandleAsync(Request(await VersionAsync()) with { ConfirmWarnings = false });

        refused.Error.ShouldNotBeNull().Message.ShouldContain("2026-12-04");
    }

    [Fact]
    public async Task A_ledamot_cannot_send_the_kallelse_and_is_told_the_meeting_is_not_there()
    {
        var result = await Send(_s.Member).HandleAsync(Request(await VersionAsync()));

        result.Error.ShouldNotBeNull().Code.ShouldBe("not_found");
        await using var db = Database.CreateContext();
        (await db.NoticeVersions.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stale_page_cannot_send_and_is_told_who_changed_the_meeting()
    {
        var stale = await VersionAsync();
        var (taskId, versionId) = await SendAsync();

        var second = await Send(_secretary).HandleAsync(Request(stale) with { ChangeNote = "Igen" });

        second.Error.ShouldNotBeNull().Code.ShouldBe("conflict");
        second.Error.Message.ShouldContain("sara.sekreterare@exempelby.se");
    }

    [Fact]
    public async Task Rule2_a_public_organs_kallelse_goes_on_the_anslagstavla_once_per_version_with_the_public_pack_and_a_re_issue_replaces_it()
    {
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.Id == _s.Organ.Id);
            organ.Update(organ.Name, organ.ShortName, organ.Kind, organ.CaseNumberPrefix, organ.ParentId, organ.ParagraphSeries, organ.DefaultMeetingPlace,
                new OrganRules(5, 14, 1, publicMeetingsAllowed: true, membersNeedSecondFactor: false));
            await db.SaveChangesAsync();
        }

        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        await using (var db = Database.CreateContext())
        {
            var posting = await db.Postings.SingleAsync();
            var version = await db.NoticeVersions.SingleAsync(v => v.Id == versionId);
            posting.PublicFileId.ShouldBe(version.PublicPackFileId);
            posting.PublishedBy.ShouldBe("Sara Sekreterare");
            posting.AgendaLines.ShouldBe(["1. Val av justerare", "2. Plan för äldreomsorgens platser", $"3. {AgendaItem.NeutralPublicTitle}"]);
        }

        var (taskId2, versionId2) = await SendAsync(changeNote: "Ny tid för punkt 2.");
        await Job(_smtp.Port).RunAsync(taskId2, versionId2, CancellationToken.None);

        await using var check = Database.CreateContext();
        var postings = await check.Postings.ToListAsync();
        postings.Count.ShouldBe(2);
        postings.Single(p => p.ReplacedAt != null).ReplacedByPostingId.ShouldBe(postings.Single(p => p.ReplacedAt == null).Id);
    }

    [Fact]
    public async Task A_member_sees_only_the_members_pack_of_the_latest_version_and_her_notis_until_she_opens_it()
    {
        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);
        TestUser anna;
        await using (var db = Database.CreateContext())
        {
            var row = await db.NoticeRecipients.SingleAsync(r => r.NoticeVersionId == versionId && r.Name == "Anna Andersson");
            anna = new TestUser(row.UserId, "anna.andersson@exempelby.se", Roles.Member);
        }

        var status = (await new GetNoticeStatusHandler(_s.Factory(anna), _s.Access(anna), new DatabaseUserDirectory(Database), _s.Clock)
            .HandleAsync(new GetNoticeStatus(_meeting.Id))).Value.ShouldNotBeNull();
        status.CanManage.ShouldBeFalse();
        var version = status.Versions.ShouldHaveSingleItem();
        version.Packs.Select(p => p.Name).ShouldBe(["Ledamöternas paket"]);
        version.Recipients.ShouldBeEmpty();

        var notes = await new Application.Notifications.ListMyNotificationsHandler(_s.Factory(anna), anna).HandleAsync(new());
        var note = notes.ShouldHaveSingleItem();
        note.Text.ShouldBe("Kallelse till Omsorgsnämnden onsdag 9 december 2026.");
        note.Link.ShouldBe($"/sammantraden/{_meeting.Id}");
        (await new Application.Notifications.MarkNotificationReadHandler(_s.Factory(_secretary), _secretary, _s.Clock)
            .HandleAsync(new(note.Id))).Error.ShouldNotBeNull().Code.ShouldBe("not_found");
        (await new Application.Notifications.MarkNotificationReadHandler(_s.Factory(anna), anna, _s.Clock).HandleAsync(new(note.Id))).Succeeded.ShouldBeTrue();
        (await new Application.Notifications.ListMyNotificationsHandler(_s.Factory(anna), anna).HandleAsync(new())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rule3_fullmaktiges_kallelse_less_than_seven_days_ahead_needs_a_reason_which_the_anslagstavla_keeps()
    {
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.Id == _s.Organ.Id);
            organ.Update("Kommunfullmäktige", organ.ShortName, OrganKind.Fullmaktige, organ.CaseNumberPrefix, organ.ParentId, organ.ParagraphSeries,
                organ.DefaultMeetingPlace, organ.Rules);
            await db.SaveChangesAsync();
        }

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));

        var refused = await Send(_secretary).HandleAsync(Request(await VersionAsync()));
        refused.Error.ShouldNotBeNull().Code.ShouldBe(SendNoticeHandler.LateReasonNeeded);

        var sent = await Send(_secretary).HandleAsync(Request(await VersionAsync()) with { LateReason = "Extra sammanträde om budgeten." });
        sent.Succeeded.ShouldBeTrue(sent.Error?.Message);
        await using var check = Database.CreateContext();
        var version = await check.NoticeVersions.SingleAsync();
        await Job(_smtp.Port).RunAsync(sent.Value, version.Id, CancellationToken.None);
        (await check.Postings.SingleAsync()).LateReason.ShouldBe("Extra sammanträde om budgeten.");
    }

    [Fact]
    public async Task A_sending_whose_job_runs_after_fullmaktiges_notice_became_late_mails_all_the_same_and_the_page_says_why_the_board_refused_it()
    {
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.Id == _s.Organ.Id);
            organ.Update("Kommunfullmäktige", organ.ShortName, OrganKind.Fullmaktige, organ.CaseNumberPrefix, organ.ParentId, organ.ParagraphSeries,
                organ.DefaultMeetingPlace, organ.Rules);
            await db.SaveChangesAsync();
        }

        // Sent eight days ahead: in time for the board, so no reason is asked for.
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var (taskId, versionId) = await SendAsync();
        (await StatusAsync()).UnfinishedSendTaskId.ShouldBe(taskId, "the page shows the sending under way after a reload");

        // The job engine was down; the job runs three days later, when the notice would be late (rule 3).
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        _smtp.Received.Count.ShouldBe(3, "the mails go all the same");
        await using var check = Database.CreateContext();
        (await check.Postings.AnyAsync()).ShouldBeFalse();
        var status = await StatusAsync();
        status.UnfinishedSendTaskId.ShouldBeNull();
        status.Versions.ShouldHaveSingleItem().BoardRefusal.ShouldNotBeNull().ShouldContain("minst 7 dagar före sammanträdet");
    }

    private async Task<NoticeStatusView> StatusAsync() =>
        (await new GetNoticeStatusHandler(_s.Factory(_secretary), _s.Access(_secretary), new DatabaseUserDirectory(Database), _s.Clock)
            .HandleAsync(new GetNoticeStatus(_meeting.Id))).Value.ShouldNotBeNull();

    [Fact]
    public async Task Cancelling_a_called_meeting_mails_everyone_called_with_the_reason_once()
    {
        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        var factory = _s.Factory(_secretary);
        var cancel = new CancelMeetingHandler(factory, _s.Access(_secretary), _s.Clock, _secretary, new DatabaseUserDirectory(Database), _jobs);
        (await cancel.HandleAsync(new CancelMeeting(_meeting.Id, await VersionAsync(), "Ordföranden är sjuk; ärendena tas den 16 december."))).Succeeded.ShouldBeTrue();
        await using var db = Database.CreateContext();
        var notice = await db.MeetingChangeNotices.SingleAsync();
        await ChangeJob(_smtp.Port).RunAsync(notice.Id, CancellationToken.None);
        await ChangeJob(_smtp.Port).RunAsync(notice.Id, CancellationToken.None);

        var told = _smtp.Received.Skip(3).ToList();
        told.SelectMany(m => m.EnvelopeTo).Order().ToList().ShouldBe(
            new List<string> { "anna.andersson@exempelby.se", "erik.eriksson@exempelby.se", "sara.sekreterare@exempelby.se" });
        told[0].Message.Subject.ShouldBe("Inställt sammanträde: Omsorgsnämnden onsdag 9 december 2026");
        (told[0].Message.TextBody ?? string.Empty).ShouldContain("Skäl: Ordföranden är sjuk; ärendena tas den 16 december.");
        (await db.Notifications.CountAsync(n => n.Text.Contains("inställt"))).ShouldBe(3);
    }

    [Fact]
    public async Task Moving_a_called_meeting_tells_everyone_called_the_old_and_the_new_time()
    {
        var (taskId, versionId) = await SendAsync();
        await Job(_smtp.Port).RunAsync(taskId, versionId, CancellationToken.None);

        var factory = _s.Factory(_secretary);
        var move = new RescheduleMeetingHandler(
            factory, _s.Access(_secretary), new MeetingScheduleValidator(), _s.Clock, _secretary, new DatabaseUserDirectory(Database), _jobs);
        var schedule = new MeetingSchedule { Date = new DateTime(2026, 12, 10), StartTime = new TimeSpan(9, 0, 0), EndTime = new TimeSpan(11, 0, 0), Place = "Stora salen" };
        var moved = await move.HandleAsync(new RescheduleMeeting(_meeting.Id, await VersionAsync(), schedule));
        moved.Succeeded.ShouldBeTrue(moved.Error?.Message);
        await using var db = Database.CreateContext();
        await ChangeJob(_smtp.Port).RunAsync((await db.MeetingChangeNotices.SingleAsync()).Id, CancellationToken.None);

        var told = _smtp.Received.Skip(3).ToList();
        told.Count.ShouldBe(3);
        told[0].Message.Subject.ShouldBe("Flyttat sammanträde: Omsorgsnämnden onsdag 9 december 2026");
        (told[0].Message.TextBody ?? string.Empty).ShouldContain("Tidigare: onsdag 9 december 2026 kl. 13.00–16.00, Sammanträdesrum Björken");
        (told[0].Message.TextBody ?? string.Empty).ShouldContain("Nu: torsdag 10 december 2026 kl. 09.00–11.00, Stora salen");
    }

    private async Task<(Guid TaskId, Guid VersionId)> SendAsync(string? changeNote = null)
    {
        var result = await Send(_secretary).HandleAsync(Request(await VersionAsync()) with { ChangeNote = changeNote });
        result.Succeeded.ShouldBeTrue(result.Error?.Message);
        await using var db = Database.CreateContext();
        var version = await db.NoticeVersions.OrderByDescending(v => v.Number).FirstAsync(v => v.MeetingId == _meeting.Id);
        return (result.Value, version.Id);
    }

    private SendNotice Request(uint version) => new(_meeting.Id, version, null, true, null, [], []);

    private async Task<uint> VersionAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == _meeting.Id)).Version;
    }

    private SendNoticeHandler Send(TestUser user) =>
        new(_s.Factory(user), _s.Access(user), user, new DatabaseUserDirectory(Database), _jobs, _s.Clock, new SendNoticeValidator());

    private ResendNoticeRecipientHandler Resend(TestUser user) => new(_s.Factory(user), _s.Access(user), user, _jobs);

    private SendNoticeJob Job(int smtpPort, params IInterceptor[] interceptors)
    {
        var factory = _s.Factory(TestUser.Anonymous, interceptors);
        var packs = new NoticePackService(
            factory, pdf.Renderer, new PdfSharpPackAssembler(new PdfPigReader()), new RichTextSanitizer(), new DatabaseUserDirectory(Database),
            Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }), _s.Clock, NullLogger<NoticePackService>.Instance);
        var board = new PublishPostingHandler(factory, _s.Access(TestUser.Anonymous), TestUser.Anonymous, _s.Clock, new PublishPostingValidator(), new RecordingPublicPageCache());
        return new SendNoticeJob(factory, packs, board, Mailer(smtpPort), Options.Create(new PortalOptions()), _s.Clock, NullLogger<SendNoticeJob>.Instance);
    }

    private NotifyMeetingChangeJob ChangeJob(int smtpPort) =>
        new(_s.Factory(TestUser.Anonymous), Mailer(smtpPort), Options.Create(new PortalOptions()), _s.Clock, NullLogger<NotifyMeetingChangeJob>.Instance);

    private static MailKitMailer Mailer(int port) =>
        new(Options.Create(new MailOptions
        {
            Host = "127.0.0.1", Port = port, UseTls = MailTlsMode.None, FromAddress = "noreply@exempelby.se", FromName = "Nämndportal Exempelby",
            Timeout = TimeSpan.FromSeconds(5),
        }),
        NullLogger<MailKitMailer>.Instance);

    private async Task<Meeting> MeetingAsync()
    {
        var request = SaveOfficerReport.From((await _s.Get(_s.Officer).HandleAsync(new GetOfficerReport(_s.Case.Id))).Value!);
        request.Proposals = ["godkänna planen för platser"];
        request.SummaryHtml = "<p>Tolv nya platser behövs.</p>";
        request.DecisionBasis = [_s.Queue.Id, _s.Secret.Id];
        (await _s.Save(_s.Officer).HandleAsync(request)).Succeeded.ShouldBeTrue();
        await using var db = Database.CreateContext();
        AddVersion(db, _s.Queue, TestFiles.Pdf("Kosituationen i november"));
        AddVersion(db, _s.Secret, TestFiles.Pdf("SEKRETESSUTREDNING om boendet"));
        AddVersion(db, _s.OtherCasesDocument, TestFiles.Pdf("INDIVIDARENDE handlingen"));
        var start = SwedishTime.FromLocal(MeetingDay, new TimeOnly(13, 0));
        var meeting = new Meeting(_s.Organ.Id, start, start.AddHours(3), "Sammanträdesrum Björken");
        meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        var decision = meeting.AddItem(AgendaItemKind.Decision, _s.Case.Title, _s.Case.Id, _s.Case.Number);
        // The secret handling in an open item: a warning the sender must confirm.
        meeting.SetItemDocuments(decision.Id, true, [_s.Queue.Id, _s.Secret.Id]);
        var closed = meeting.AddItem(AgendaItemKind.Decision, ClosedTitle, _s.OtherCase.Id, _s.OtherCase.Number);
        meeting.UpdateItem(closed.Id, ClosedTitle, null, null, null, isClosed: true);
        meeting.SetItemDocuments(closed.Id, false, [_s.OtherCasesDocument.Id]);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }

    private static void AddVersion(Infrastructure.Persistence.AppDbContext db, CaseDocument document, byte[] content)
    {
        db.FileBlobs.Add(new FileBlob(content));
        db.DocumentVersions.Add(new DocumentVersion(document.CaseId, document.Id, 1, "handling.pdf", FileKind.Pdf, "application/pdf", content.Length, FileBlob.Checksum(content)));
    }

    private static TestUser User(Infrastructure.Persistence.AppDbContext db, string email, string name, string role) =>
        TestAccounts.Add(db, email, name, role);

    /// <summary>
    /// Another run of the same sending that claims <paramref name="name"/>'s row just before this run's claim of it is
    /// saved (both having loaded it as pending).
    /// </summary>
    private sealed class ClaimsFirst(DatabaseFixture database, string name) : SaveChangesInterceptor
    {
        public bool Claimed { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var claim = eventData.Context!.ChangeTracker.Entries<NoticeRecipient>()
                .FirstOrDefault(e => e.State == EntityState.Modified && e.Entity.Name == name && e.Entity.Status == DeliveryStatus.Sending);
            if (claim is not null && !Claimed)
            {
                Claimed = true;
                await using var other = database.CreateContext();
                var row = await other.NoticeRecipients.SingleAsync(r => r.Id == claim.Entity.Id, cancellationToken);
                row.RecordSending();
                await other.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
