using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class SubstitutionRuleTests
{
    [Fact]
    public void Table_position_starts_at_one()
    {
        Should.Throw<DomainException>(() => new SubstitutionRule(Guid.NewGuid(), Guid.NewGuid(), 0, Guid.NewGuid()));
    }

    [Fact]
    public void Table_line_naming_the_absent_partys_own_ersättare_is_rejected()
    {
        var party = Guid.NewGuid();
        Should.Throw<DomainException>(() => new SubstitutionRule(Guid.NewGuid(), party, 1, party));
    }
}
