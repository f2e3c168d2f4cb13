using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Domain.Tests.Meetings;

public class MeetingTests
{
    [Fact]
    public void Meeting_ending_before_it_starts_is_rejected()
    {
        var start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));
        Should.Throw<DomainException>(() => new Meeting(Guid.NewGuid(), start, start.AddMinutes(-5), "Björken"));
    }

    [Fact]
    public void Meeting_needs_a_place()
    {
        var start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));
        Should.Throw<DomainException>(() => new Meeting(Guid.NewGuid(), start, null, ""));
    }

    [Fact]
    public void Late_evening_meeting_belongs_to_its_Stockholm_date_not_its_UTC_date()
    {
        // 23.30 in Stockholm on 1 July is 21.30 UTC the same day; 00.30 on 2 July is 22.30 UTC on 1 July.
        var justAfterMidnight = SwedishTime.FromLocal(new DateOnly(2026, 7, 2), new TimeOnly(0, 30));
        var meeting = new Meeting(Guid.NewGuid(), justAfterMidnight, null, "Björken");
        meeting.StartsAt.UtcDateTime.Date.ShouldBe(new DateTime(2026, 7, 1));
        meeting.LocalDate.ShouldBe(new DateOnly(2026, 7, 2));
        meeting.Status.ShouldBe(MeetingStatus.Planerat);
    }
}
