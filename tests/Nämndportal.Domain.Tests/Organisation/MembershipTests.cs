using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class MembershipTests
{
    [Fact]
    public void Membership_ending_before_it_starts_is_rejected()
    {
        var error = Should.Throw<DomainException>(() =>
            new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 30)));
        error.Message.ShouldBe("Slutdatum kan inte ligga före startdatum.");
    }

    [Theory]
    [InlineData("2023-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2022-12-31", false)]
    [InlineData("2027-01-01", false)]
    public void Membership_is_valid_from_its_first_to_its_last_day_inclusive(string day, bool expected)
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ersattare, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31));
        membership.IsValidOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Membership_without_end_date_is_valid_indefinitely()
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), MembershipRole.Ledamot, new DateOnly(2023, 1, 1), null);
        membership.IsValidOn(new DateOnly(2040, 1, 1)).ShouldBeTrue();
        membership.IsValidOn(new DateOnly(2022, 12, 31)).ShouldBeFalse();
    }
}
