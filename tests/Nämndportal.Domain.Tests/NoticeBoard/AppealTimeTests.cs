using static Nämndportal.Domain.Tests.IsoDates;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Domain.Tests.NoticeBoard;

public class AppealTimeTests
{
    [Fact]
    public void Rule15_The_justering_is_announced_no_later_than_the_second_day_after_it()
    {
        var justerad = new DateOnly(2026, 12, 3);
        AppealTime.LatestUpOn(justerad).ShouldBe(new DateOnly(2026, 12, 5));
        AppealTime.ForJustering(justerad, justerad).UpOn.ShouldBe(justerad);
        AppealTime.ForJustering(justerad, justerad.AddDays(2)).UpOn.ShouldBe(new DateOnly(2026, 12, 5), "a Saturday still counts: the law does not move this day");

        Should.Throw<DomainException>(() => AppealTime.ForJustering(justerad, justerad.AddDays(3))).Message.ShouldContain("senast andra dagen efter justeringen");
        Should.Throw<DomainException>(() => AppealTime.ForJustering(justerad, justerad.AddDays(-1))).Message.ShouldContain("innan det är justerat");
    }

    [Theory]
    // An ordinary Tuesday: the same weekday three weeks later.
    [InlineData("2026-11-03", "2026-11-24")]
    // Three weeks ends on a Sunday: the Monday.
    [InlineData("2026-11-08", "2026-11-30")]
    // Ends on midsommarafton (Friday 19 June 2026): midsommardagen, a Sunday, then Monday 22 June.
    [InlineData("2026-05-29", "2026-06-22")]
    // Ends on julafton (Thursday 24 December 2026): juldagen, annandag jul (Saturday), Sunday, then Monday 28 December.
    [InlineData("2026-12-03", "2026-12-28")]
    // Ends on nyårsafton (Thursday 31 December 2026): across the new year, nyårsdagen, a Saturday and a Sunday, to Monday 4 January 2027.
    [InlineData("2026-12-10", "2027-01-04")]
    // Ends on trettondedag jul (Wednesday 6 January 2027): Thursday 7 January.
    [InlineData("2026-12-16", "2027-01-07")]
    // Ends on långfredagen 2027 (26 March): påskafton (Saturday), påskdagen, annandag påsk, then Tuesday 30 March.
    [InlineData("2027-03-05", "2027-03-30")]
    public void Rule16_The_anslag_stays_up_three_weeks_to_the_next_weekday_that_is_no_day_off(string upOn, string lastDay)
    {
        var time = AppealTime.From(Day(upOn));
        time.UpOn.ShouldBe(Day(upOn));
        time.LastDay.ShouldBe(Day(lastDay));
    }
}
