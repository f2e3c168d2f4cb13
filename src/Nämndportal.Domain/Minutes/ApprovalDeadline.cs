using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Minutes;

/// <summary>Where a protokoll stands against its justering deadline on a given day.</summary>
public enum ApprovalDeadlineStatus
{
    /// <summary>More than <see cref="ApprovalDeadline.WarningDays"/> days left.</summary>
    InTime,

    /// <summary>The deadline is near: the portal warns.</summary>
    DueSoon,

    /// <summary>The deadline has passed without a justering: the portal flags it.</summary>
    Passed,
}

/// <summary>
/// Rule 12: the protokoll is justerat within the organ's days after the meeting (<see cref="OrganRules.DaysToApprove"/>,
/// at most 14 by KL 5:69). The deadline is a calendar day in Stockholm; the last day itself is still in time.
/// </summary>
public sealed record ApprovalDeadline(DateOnly Due)
{
    /// <summary>From how many days before the deadline the portal warns.</summary>
    public const int WarningDays = 3;

    public static ApprovalDeadline For(DateOnly meetingDay, OrganRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new ApprovalDeadline(meetingDay.AddDays(rules.DaysToApprove));
    }

    /// <summary>Days from <paramref name="today"/> to the deadline: 0 on the last day, negative after it.</summary>
    public int DaysLeftOn(DateOnly today) => Due.DayNumber - today.DayNumber;

    public ApprovalDeadlineStatus StatusOn(DateOnly today) => DaysLeftOn(today) switch
    {
        < 0 => ApprovalDeadlineStatus.Passed,
        <= WarningDays => ApprovalDeadlineStatus.DueSoon,
        _ => ApprovalDeadlineStatus.InTime,
    };
}
