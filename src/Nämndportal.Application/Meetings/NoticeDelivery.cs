using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Mail;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Notifications;

namespace Nämndportal.Application.Meetings;

/// <summary>How one run of a sending went: mailed now, failed now (the job retries), and rows left in Sending by a crash.</summary>
internal sealed record DeliveryOutcome(int Sent, int Failed, int Interrupted);

/// <summary>
/// The never-twice mail loop of a kallelse and of a change notice. For each recipient that still needs it: claim the row
/// (<see cref="NoticeRecipient.RecordSending"/>) and save, then hand the mail to the server, then record the result and
/// save. A row already Sent is skipped; a row still in Sending when a run starts was interrupted at an unknown point and
/// is left for the secretary to check (<see cref="NoticeRecipient.ReleaseForResend"/>), so nobody gets a second mail.
/// The claim is conditional on the row's version: when a second run of the same job (a job engine that took a live
/// instance's job for a dead one's) claimed the row first, this run leaves it to that one.
/// </summary>
internal static class NoticeDelivery
{
    public static async Task<DeliveryOutcome> DeliverAsync(
        IAppDbContext db, IMailer mailer, TimeProvider clock, IReadOnlyList<NoticeRecipient> recipients, Func<NoticeRecipient, MailMessage> compose,
        Func<int, int, Task>? progress, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        var done = 0;
        var takenByAnotherRun = new HashSet<Guid>();
        foreach (var recipient in recipients)
        {
            done++;
            if (!recipient.NeedsSending || recipient.Email is null)
            {
                continue;
            }

            recipient.RecordSending();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run claimed (or the secretary changed) the row since it was loaded: its mail is theirs.
                await db.Entry(recipient).ReloadAsync(CancellationToken.None);
                takenByAnotherRun.Add(recipient.Id);
                continue;
            }

            try
            {
                await mailer.SendAsync(compose(recipient), cancellationToken);
                recipient.RecordSent(clock.GetUtcNow());
                sent++;
            }
            catch (MailDeliveryException ex)
            {
                recipient.RecordFailure(ex.IsPermanent
                    ? "E-postservern tog inte emot adressen."
                    : "E-postservern svarade inte. Utskicket försöks igen.");
                failed++;
            }

            // The result is saved whatever happens to the job next; a cancelled run leaves the row in Sending (to be checked).
            await db.SaveChangesAsync(CancellationToken.None);
            if (progress is not null)
            {
                await progress(done, recipients.Count);
            }
        }

        return new DeliveryOutcome(
            sent, failed, recipients.Count(r => r.Status == DeliveryStatus.Sending && !takenByAnotherRun.Contains(r.Id)));
    }

    /// <summary>A notis for each recipient with a login, once per event (the unique (user, key) index backs it).</summary>
    public static async Task NotifyAsync(
        IAppDbContext db, IReadOnlyList<NoticeRecipient> recipients, string key, string text, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userIds = recipients.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var already = await db.Notifications.Where(n => n.Key == key && userIds.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
        foreach (var userId in userIds.Except(already))
        {
            db.Notifications.Add(new Notification(userId, key, text, link, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
