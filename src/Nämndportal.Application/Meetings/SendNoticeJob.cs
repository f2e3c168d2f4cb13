using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Mail;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Jobs;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Notifications;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Sends one kallelse version (started by <see cref="SendNoticeHandler"/>), with its progress in the background task:
/// prints and stores the version's packs once (0–60 %), puts the kallelse on the anslagstavla when the organ is public or
/// fullmäktige (once per version; a re-issue replaces the earlier posting), mails each recipient never twice
/// (<see cref="NoticeDelivery"/>), and gives each recipient with a login a notis once. When a mail failed the task fails and
/// the job throws, so Hangfire retries it: the retry mails only those not yet reached.
/// </summary>
public sealed class SendNoticeJob(
    IAppDbContextFactory dbFactory,
    NoticePackService packs,
    PublishPostingHandler board,
    IMailer mailer,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<SendNoticeJob> logger)
{
    public async Task RunAsync(Guid taskId, Guid noticeVersionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var run = await BackgroundTaskRun.StartAsync(db, taskId, clock, logger, $"Kallelse (version {noticeVersionId})", cancellationToken);
        if (run is null)
        {
            return;
        }

        DeliveryOutcome outcome;
        try
        {
            await packs.EnsureVersionPacksAsync(noticeVersionId, (percent, text) => ReportAsync(percent * 60 / 100, text), cancellationToken);
            var version = await db.NoticeVersions.AsNoTracking().SingleAsync(v => v.Id == noticeVersionId, cancellationToken);
            var meeting = await db.LoadMeetingAsync(version.MeetingId, track: false, cancellationToken)
                ?? throw new InvalidOperationException("The meeting of a kallelse version is gone.");
            var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);

            if (organ.Kind == OrganKind.Fullmaktige || organ.Rules.PublicMeetingsAllowed)
            {
                await ReportAsync(62, "Kallelsen sätts upp på anslagstavlan");
                await PublishAsync(db, version, meeting, cancellationToken);
            }

            var link = portal.Value.Link($"/sammantraden/{meeting.Id}");
            var (subject, text, html) = NoticeMail.Kallelse(organ.Name, meeting, version.Number, version.ChangeNote, link, version.SentByName);
            var recipients = await db.NoticeRecipients
                .Where(r => r.NoticeVersionId == noticeVersionId && r.ChangeNoticeId == null)
                .OrderBy(r => r.Name)
                .ToListAsync(cancellationToken);
            outcome = await NoticeDelivery.DeliverAsync(
                db, mailer, clock, recipients,
                r => new MailMessage(new MailAddress(r.Email!, r.Name), subject, text, html, $"kallelse-{noticeVersionId:N}-{r.Id:N}"),
                (done, total) => ReportAsync(65 + (done * 30 / Math.Max(1, total)), $"E-post {done} av {total}"),
                cancellationToken);
            await NoticeDelivery.NotifyAsync(
                db, recipients, Notification.NoticeKey(noticeVersionId), NoticeMail.NotificationText(organ.Name, meeting, version.Number),
                $"/sammantraden/{meeting.Id}", clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.FailAsync("Kallelsen kunde inte skickas färdigt. Utskicket försöks igen automatiskt; se mottagarlistan.", ex);
            throw;
        }

        logger.LogInformation(
            "Kallelse task {TaskId}: {Sent} mailed, {Failed} failed, {Interrupted} interrupted", taskId, outcome.Sent, outcome.Failed, outcome.Interrupted);
        if (outcome.Failed > 0)
        {
            await run.FailAsync($"Kallelsen nådde inte {outcome.Failed} mottagare. Utskicket försöks igen automatiskt; se mottagarlistan.");
            throw new MailDeliveryException($"{outcome.Failed} kallelse mails failed; the job is retried.");
        }

        // Rows left in Sending by an interrupted run are not retried by the job: the page shows them to the secretary.
        await run.SucceedAsync(null, CancellationToken.None);

        Task ReportAsync(int percent, string text) => run.ReportAsync(percent, text, cancellationToken);
    }

    // The kallelse on the anslagstavla once per version: a retried job finds its posting (same public pack) and skips it.
    private async Task PublishAsync(IAppDbContext db, NoticeVersion version, Meeting meeting, CancellationToken cancellationToken)
    {
        var publicFileId = (await db.NoticeVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, cancellationToken)).PublicPackFileId;
        if (await db.Postings.AnyAsync(p => p.MeetingId == meeting.Id && p.PublicFileId == publicFileId, cancellationToken))
        {
            return;
        }

        var lines = meeting.Items.Select(i => $"{i.Position}. {i.EffectivePublicTitle}").ToList();
        var result = await board.PublishForSendAsync(
            new PublishPosting(meeting.Id, publicFileId, lines, version.BoardLateReason), version.SentByName, cancellationToken);
        if (!result.Succeeded)
        {
            // A rule of the board refused it (the meeting was cancelled meanwhile, say): the mails still go, and the meeting's
            // page tells the secretary why it is not on the board.
            logger.LogWarning("Kallelse version {VersionId} was not put on the anslagstavla: {Code}", version.Id, result.Error!.Code);
            var tracked = await db.NoticeVersions.SingleAsync(v => v.Id == version.Id, cancellationToken);
            tracked.RecordBoardRefusal(result.Error.Message);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
