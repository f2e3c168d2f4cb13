using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>A person's seat in an organ for a period: ledamot (with chair roles) or ersättare.</summary>
public sealed class Membership : Entity, IConcurrencyVersioned
{
    private Membership()
    {
    }

    public Membership(Guid personId, Guid organId, MembershipRole role, DateOnly validFrom, DateOnly? validTo)
    {
        if (validTo is { } to && to < validFrom)
        {
            throw new DomainException("Slutdatum kan inte ligga före startdatum.");
        }

        PersonId = personId;
        OrganId = organId;
        Role = role;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid PersonId { get; private set; }

    public Guid OrganId { get; private set; }

    public MembershipRole Role { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day of the membership, inclusive ("till och med").</summary>
    public DateOnly? ValidTo { get; private set; }

    public uint Version { get; private set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}
