using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Minutes;

public class ApprovalDeadlineTests
{
    private static readonly DateOnly MeetingDay = new(2026, 12, 9);

    [Fact]
    public void Rule12_The_protokoll_is_justerat_within_the_organs_days_warned_before_and_flagged_after()
    {
        var deadline = ApprovalDeadline.For(MeetingDay, OrganRules.Default);
        deadline.Due.ShouldBe(new DateOnly(2026, 12, 23), "fourteen days, the law's outer limit and the default");

        deadline.StatusOn(MeetingDay).ShouldBe(ApprovalDeadlineStatus.InTime);
        deadline.StatusOn(new DateOnly(2026, 12, 19)).ShouldBe(ApprovalDeadlineStatus.InTime);
        deadline.StatusOn(new DateOnly(2026, 12, 20)).ShouldBe(ApprovalDeadlineStatus.DueSoon);
        deadline.DaysLeftOn(new DateOnly(2026, 12, 23)).ShouldBe(0);
        deadline.StatusOn(new DateOnly(2026, 12, 23)).ShouldBe(ApprovalDeadlineStatus.DueSoon, "the last day is still in time");
        deadline.StatusOn(new DateOnly(2026, 12, 24)).ShouldBe(ApprovalDeadlineStatus.Passed);
        deadline.DaysLeftOn(new DateOnly(2026, 12, 24)).ShouldBe(-1);
    }

    [Fact]
    public void Rule12_An_organ_that_shortens_the_time_gets_the_earlier_deadline()
    {
        var rules = new OrganRules(5, daysToApprove: 7, numberOfAdjusters: 1, publicMeetingsAllowed: false, membersNeedSecondFactor: false);
        ApprovalDeadline.For(MeetingDay, rules).Due.ShouldBe(new DateOnly(2026, 12, 16));
    }
}
