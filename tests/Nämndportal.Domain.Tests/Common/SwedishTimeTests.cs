using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Tests.Common;

public class SwedishTimeTests
{
    [Fact]
    public void Winter_time_is_one_hour_ahead_of_UTC()
    {
        var instant = SwedishTime.FromLocal(new DateOnly(2024, 1, 31), new TimeOnly(14, 0));
        instant.ShouldBe(new DateTimeOffset(2024, 1, 31, 13, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Summer_time_is_two_hours_ahead_of_UTC()
    {
        var instant = SwedishTime.FromLocal(new DateOnly(2024, 6, 12), new TimeOnly(14, 0));
        instant.ShouldBe(new DateTimeOffset(2024, 6, 12, 12, 0, 0, TimeSpan.Zero));
        SwedishTime.ToLocal(instant).Hour.ShouldBe(14);
    }
}
