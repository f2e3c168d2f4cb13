using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Mail;
using Nämndportal.Application.Meetings;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Audit;

/// <summary>Settings of the follow-up (section "FollowUp").</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "FollowUp";

    /// <summary>How many days before a due date the responsible person is reminded.</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}

/// <summary>
/// Reminds the responsible person of an action or an assignment by e-mail (issue 13 point 5): once a configurable number
/// of days before its due date, and once when it has passed — one mail per item, due date and kind, never repeated. Runs
/// every morning. For each reminder due, a <see cref="DueDateReminder"/> row is claimed (unique on item, due date and
/// kind) and saved before the mail goes: a second run, a retry or another instance finds it and sends nothing. A mail the
/// server did not take (a temporary failure) gives its row back and the job throws, so the retry sends exactly that one; a
/// crash between claiming and sending leaves the row, so that reminder is not sent at all rather than twice.
/// </summary>
public sealed class DueDateRemindersJob(
    IAppDbContextFactory dbFactory, IMailer mailer, IUserDirectory users, IOptions<FollowUpOptions> options, IOptions<PortalOptions> portal,
    TimeProvider clock, ILogger<DueDateRemindersJob> logger)
{
    /// <summary>The recurring job's id in the job engine.</summary>
    public const string RecurringId = "follow-up-reminders";

    private sealed record Due(Guid ItemId, Guid OrganId, string Kind, string What, DateOnly DueOn, Guid UserId, ReminderKind Reminder);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SwedishTime.LocalDate(now);
        var daysBefore = Math.Clamp(options.Value.ReminderDaysBefore, 0, 90);
        var horizon = today.AddDays(daysBefore);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var actions = await db.FollowUpActions.AsNoTracking()
            .Where(a => a.ResponsibleUserId != null && a.DueOn != null && a.DueOn <= horizon && a.Status != FollowUpStatus.Genomford)
            .Join(db.AuditAnswers, a => a.AnswerId, x => x.Id, (a, x) => new { Action = a, x.OrganId })
            .ToListAsync(cancellationToken);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.ResponsibleUserId != null && a.DueOn != null && a.DueOn <= horizon && a.Status != FollowUpStatus.Genomford)
            .ToListAsync(cancellationToken);
        var due = actions.Select(a => Candidate(a.Action, a.OrganId, "åtgärden", a.Action.Description, today, daysBefore))
            .Concat(assignments.Select(a => Candidate(a, a.OrganId, "uppdraget", $"{a.Task} ({a.Reference})", today, daysBefore)))
            .OfType<Due>()
            .ToList();
        var itemIds = due.Select(d => d.ItemId).ToList();
        var sentBefore = (await db.DueDateReminders.AsNoTracking().Where(r => itemIds.Contains(r.ItemId)).Select(r => new { r.ItemId, r.DueOn, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.ItemId, r.DueOn, r.Kind)).ToHashSet();
        var organNames = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var sent = 0;
        var failed = 0;
        foreach (var reminder in due.Where(d => !sentBefore.Contains((d.ItemId, d.DueOn, d.Reminder))))
        {
            var contact = await users.ContactAsync(reminder.UserId, cancellationToken);
            if (contact?.Email is not { Length: > 0 } email)
            {
                continue;
            }

            // The claim: saved before the mail goes. A unique violation means another run has it.
            var row = new DueDateReminder(reminder.ItemId, reminder.DueOn, reminder.Reminder, now);
            db.DueDateReminders.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.DueDateReminders.Remove(row);
                continue;
            }

            try
            {
                await mailer.SendAsync(Compose(reminder, contact.Name, email, organNames.GetValueOrDefault(reminder.OrganId, string.Empty), today), cancellationToken);
                sent++;
            }
            catch (MailDeliveryException ex) when (!ex.IsPermanent)
            {
                // Not taken: the claim is given back so that the retry sends this one.
                db.DueDateReminders.Remove(row);
                await db.SaveChangesAsync(CancellationToken.None);
                failed++;
            }
            catch (MailDeliveryException)
            {
                failed++; // refused for good: kept as claimed, never tried again
            }
        }

        logger.LogInformation("Follow-up reminders for {Today:yyyy-MM-dd}: {Sent} mailed, {Failed} failed", today, sent, failed);
        if (failed > 0)
        {
            throw new MailDeliveryException($"{failed} follow-up reminders failed; the job is retried.");
        }

        return sent;
    }

    private static Due? Candidate(FollowUpItem item, Guid organId, string kind, string what, DateOnly today, int daysBefore) =>
        DueDateReminder.DueFor(item.DueOn, item.Status, today, daysBefore) is { } reminder
            ? new Due(item.Id, organId, kind, what, item.DueOn!.Value, item.ResponsibleUserId!.Value, reminder)
            : null;

    private MailMessage Compose(Due reminder, string name, string email, string organName, DateOnly today)
    {
        var link = portal.Value.Link("/uppfoljning");
        var days = reminder.DueOn.DayNumber - today.DayNumber;
        var (subject, lead) = reminder.Reminder == ReminderKind.Overdue
            ? ($"Försenad: {Short(reminder.What)}", $"Du är ansvarig för {reminder.Kind} nedan i {organName}s uppföljning. Den skulle vara klar {reminder.DueOn:yyyy-MM-dd} och är inte markerad som genomförd.")
            : ($"Påminnelse: {Short(reminder.What)} ska vara klar {reminder.DueOn:yyyy-MM-dd}",
               $"Du är ansvarig för {reminder.Kind} nedan i {organName}s uppföljning. Den ska vara klar {reminder.DueOn:yyyy-MM-dd}, {(days == 0 ? "i dag" : days == 1 ? "i morgon" : $"om {days} dagar")}.");
        var text = $"Hej {name}!\n\n{lead}\n\n{reminder.What}\n\nUppdatera status och skriv en lägesanteckning i Nämndportalen: {link}\n\nDetta är ett automatiskt meddelande från Nämndportalen.";
        var html = $"<p>Hej {Encode(name)}!</p><p>{Encode(lead)}</p><blockquote>{Encode(reminder.What)}</blockquote>"
            + $"<p>Uppdatera status och skriv en lägesanteckning i <a href=\"{Encode(link)}\">Nämndportalen</a>.</p><p>Detta är ett automatiskt meddelande från Nämndportalen.</p>";
        return new MailMessage(new MailAddress(email, name), subject, text, html,
            $"paminnelse-{reminder.ItemId:N}-{reminder.DueOn:yyyyMMdd}-{reminder.Reminder.ToString().ToLowerInvariant()}");
    }

    private static string Short(string text) => text.Length > 80 ? text[..77] + "…" : text;

    private static string Encode(string text) => HtmlText.Encode(text);
}
