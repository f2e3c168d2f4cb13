using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Organisation;

public class PersonTests
{
    [Fact]
    public void Person_needs_first_and_last_name()
    {
        Should.Throw<DomainException>(() => new Person("Anna", " "));
        Should.Throw<DomainException>(() => new Person("", "Andersson"));
        new Person(" Anna ", " Andersson ").FullName.ShouldBe("Anna Andersson");
    }

    [Fact]
    public void Blank_email_and_phone_are_stored_as_missing()
    {
        var person = new Person("Anna", "Andersson", "  ", phone: "");
        person.Email.ShouldBeNull();
        person.Phone.ShouldBeNull();
    }
}
