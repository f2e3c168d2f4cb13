using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class QuorumSeatsTests
{
    [Fact]
    public void Empty_seat_counts_as_absent_and_does_not_lower_the_quorum()
    {
        var rules = new OrganRules(5, 14, 1, false, false, numberOfSeats: 11);

        // Ten of eleven seats filled after a resignation: still six are needed (KL 6:27), not five.
        Quorum.Required(Quorum.SeatsFor(rules, filledSeats: 10)).ShouldBe(6);
        Quorum.IsMet(Quorum.SeatsFor(rules, 10), serving: 5).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_decided_number_the_filled_seats_are_used()
    {
        Quorum.SeatsFor(OrganRules.Default, filledSeats: 9).ShouldBe(9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(152)]
    public void Number_of_seats_out_of_range_is_rejected(int seats)
    {
        Should.Throw<DomainException>(() => new OrganRules(5, 14, 1, false, false, numberOfSeats: seats));
    }
}
