using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class OrganTests
{
    [Fact]
    public void Utskott_without_parent_organ_is_rejected()
    {
        var error = Should.Throw<DomainException>(() => new Organ("Arbetsutskottet", "AU", OrganKind.Utskott, "SUN"));
        error.Message.ShouldContain("överordnat organ");
    }

    [Fact]
    public void Utskott_under_a_nämnd_is_accepted()
    {
        var parent = new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN");
        var utskott = new Organ("Arbetsutskottet", "SUN AU", OrganKind.Utskott, "SUN", parent.Id);
        utskott.ParentId.ShouldBe(parent.Id);
    }

    [Fact]
    public void Organ_without_name_is_rejected()
    {
        Should.Throw<DomainException>(() => new Organ("  ", "X", OrganKind.Namnd, "X"));
    }

    [Fact]
    public void Person_needs_first_and_last_name()
    {
        Should.Throw<DomainException>(() => new Person("Anna", " "));
        new Person(" Anna ", " Andersson ").FullName.ShouldBe("Anna Andersson");
    }
}
