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

    public Person(string firstName, string lastName, string? email = null, Guid? partyId = null, string? phone = null)
        : this()
    {
        Update(firstName, lastName, email, partyId, phone);
    }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The party the person represents now; each membership records the party it was won for.</summary>
    public Guid? PartyId { get; private set; }

    /// <summary>The user account this person logs in with, if any.</summary>
    public Guid? UserId { get; set; }

    public uint Version { get; private set; }

    public void Update(string firstName, string lastName, string? email, Guid? partyId, string? phone)
    {
        if (string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName))
        {
            throw new DomainException("Personen måste ha både förnamn och efternamn.");
        }

        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        PartyId = partyId;
    }
}
