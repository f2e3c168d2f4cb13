using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>An elected representative (or anyone else who holds memberships), optionally linked to a user account.</summary>
public sealed class Person : Entity, IConcurrencyVersioned
{
    private Person()
    {
        FirstName = string.Empty;
        LastName = string.Empty;
    }

    public Person(string firstName, string lastName, string? email = null)
    {
        if (string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName))
        {
            throw new DomainException("Personen måste ha både förnamn och efternamn.");
        }

        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        Email = email?.Trim();
    }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public string? Email { get; set; }

    /// <summary>The user account this person logs in with, if any.</summary>
    public Guid? UserId { get; set; }

    public uint Version { get; private set; }
}
