using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>Before the due date (a configurable number of days ahead), or once it has passed.</summary>
public enum ReminderKind
{
    Before,
    Overdue,
}

/// <summary>
/// A reminder sent about one action or assignment for one due date and kind: stored (unique on item, due date and kind)
/// before the mail goes, so a retried or repeated job never sends it twice, and a changed due date gets reminders of its own.
/// </summary>
public sealed class DueDateReminder : Entity
{
    private DueDateReminder()
    {
    }

    public DueDateReminder(Guid itemId, DateOnly dueOn, ReminderKind kind, DateTimeOffset at)
        : this()
    {
        ItemId = itemId;
        DueOn = dueOn;
        Kind = kind;
        At = at;
    }

    public Guid ItemId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>
    /// Which reminder an item is due for today: <see cref="ReminderKind.Before"/> from <paramref name="daysBefore"/> days
    /// ahead through the due date, <see cref="ReminderKind.Overdue"/> after it; none when it is done or has no date.
    /// </summary>
    public static ReminderKind? DueFor(DateOnly? dueOn, FollowUpStatus status, DateOnly today, int daysBefore)
    {
        if (dueOn is not { } due || status == FollowUpStatus.Genomford)
        {
            return null;
        }

        return today > due ? ReminderKind.Overdue : today >= due.AddDays(-Math.Max(0, daysBefore)) ? ReminderKind.Before : null;
    }
}
