using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class OrganRulesTests
{
    [Fact]
    public void Default_reglemente_is_five_days_notice_fourteen_days_to_justera_one_justerare_closed_meetings_no_second_factor()
    {
        OrganRules.Default.ShouldBe(new OrganRules(5, 14, 1, false, false));
        OrganRules.Default.NoticeDaysBeforeMeeting.ShouldBe(5);
        OrganRules.Default.DaysToApprove.ShouldBe(14);
        OrganRules.Default.NumberOfAdjusters.ShouldBe(1);
        OrganRules.Default.PublicMeetingsAllowed.ShouldBeFalse();
        OrganRules.Default.MembersNeedSecondFactor.ShouldBeFalse();
    }

    [Fact]
    public void New_organ_gets_the_default_reglemente()
    {
        new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF").Rules.ShouldBe(OrganRules.Default);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    public void Justering_later_than_fourteen_days_is_rejected_citing_kommunallagen(int days)
    {
        var error = Should.Throw<DomainException>(() => new OrganRules(5, days, 1, false, false));
        error.Message.ShouldContain("kommunallagen");
    }

    [Fact]
    public void Justering_within_zero_days_is_rejected()
    {
        Should.Throw<DomainException>(() => new OrganRules(5, 0, 1, false, false));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void Notice_days_outside_zero_to_sixty_are_rejected(int days)
    {
        var error = Should.Throw<DomainException>(() => new OrganRules(days, 14, 1, false, false));
        error.Message.ShouldContain("kallelsen");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Number_of_justerare_outside_one_to_five_is_rejected(int adjusters)
    {
        var error = Should.Throw<DomainException>(() => new OrganRules(5, 14, adjusters, false, false));
        error.Message.ShouldContain("justerare");
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(60, 14, 5)]
    [InlineData(7, 10, 2)]
    public void Settings_within_the_limits_are_kept(int noticeDays, int daysToApprove, int adjusters)
    {
        var rules = new OrganRules(noticeDays, daysToApprove, adjusters, true, true);

        rules.NoticeDaysBeforeMeeting.ShouldBe(noticeDays);
        rules.DaysToApprove.ShouldBe(daysToApprove);
        rules.NumberOfAdjusters.ShouldBe(adjusters);
        rules.PublicMeetingsAllowed.ShouldBeTrue();
        rules.MembersNeedSecondFactor.ShouldBeTrue();
    }
}
