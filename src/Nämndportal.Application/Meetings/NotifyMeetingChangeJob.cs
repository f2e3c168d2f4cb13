using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Mail;
using Nämndportal.Domain.Notifications;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Tells everyone on a called meeting's latest kallelse version that it was moved or cancelled
/// (<see cref="Domain.Meetings.MeetingChangeNotice"/>): a mail each, never twice (<see cref="NoticeDelivery"/>), and a notis
/// for each login. A failed mail makes the job throw so it is retried for those not yet reached.
/// </summary>
public sealed class NotifyMeetingChangeJob(
    IAppDbContextFactory dbFactory, IMailer mailer, IOptions<PortalOptions> portal, TimeProvider clock, ILogger<NotifyMeetingChangeJob> logger)
{
    public async Task RunAsync(Guid changeNoticeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var notice = await db.MeetingChangeNotices.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeNoticeId, cancellationToken);
        if (notice is null)
        {
            return;
        }

        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == notice.MeetingId, cancellationToken);
        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var link = portal.Value.Link($"/sammantraden/{meeting.Id}");
        var (subject, text, html) = NoticeMail.Change(organ.Name, notice, notice.AnnouncedStartsAt, link);
        var recipients = await db.NoticeRecipients.Where(r => r.ChangeNoticeId == changeNoticeId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var outcome = await NoticeDelivery.DeliverAsync(
            db, mailer, clock, recipients,
            r => new MailMessage(new MailAddress(r.Email!, r.Name), subject, text, html, $"andring-{changeNoticeId:N}-{r.Id:N}"),
            null, cancellationToken);
        await NoticeDelivery.NotifyAsync(
            db, recipients, Notification.ChangeKey(changeNoticeId), NoticeMail.ChangeNotificationText(organ.Name, notice, notice.AnnouncedStartsAt),
            $"/sammantraden/{meeting.Id}", clock.GetUtcNow(), cancellationToken);
        logger.LogInformation(
            "Change notice {ChangeNoticeId}: {Sent} mailed, {Failed} failed, {Interrupted} interrupted", changeNoticeId, outcome.Sent, outcome.Failed, outcome.Interrupted);
        if (outcome.Failed > 0)
        {
            throw new MailDeliveryException($"{outcome.Failed} change notice mails failed; the job is retried.");
        }
    }
}
