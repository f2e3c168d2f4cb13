using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>
/// A person's seat in an organ for (part of) a term: ledamot, one of the chairs, or ersättare. Rules that involve
/// the organ's other memberships (one chair at a time, no overlaps, unique call-in order) are checked by
/// <see cref="MembershipRules"/>.
/// </summary>
public sealed class Membership : Entity, IConcurrencyVersioned
{
    private Membership()
    {
    }

    public Membership(
        Guid personId, Guid organId, MembershipRole role, DateOnly validFrom, DateOnly? validTo,
        Guid? termId = null, Guid? partyId = null, int? callInOrder = null, Guid? personalSubstituteFor = null, Guid? replaces = null)
    {
        PersonId = personId;
        OrganId = organId;
        Change(role, validFrom, validTo, termId, partyId, callInOrder, personalSubstituteFor, replaces);
    }

    public Guid PersonId { get; private set; }

    public Guid OrganId { get; private set; }

    public Guid? TermId { get; private set; }

    public MembershipRole Role { get; private set; }

    /// <summary>The party the seat belongs to, which decides the order substitutes are called in (rule 5).</summary>
    public Guid? PartyId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day of the membership, inclusive ("till och med").</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>For an ersättare: the place in the party's call-in order (1 is called first).</summary>
    public int? CallInOrder { get; private set; }

    /// <summary>For a personal ersättare: the ledamot membership they stand in for first.</summary>
    public Guid? PersonalSubstituteFor { get; private set; }

    /// <summary>For a replacement elected mid-term: the membership it continues ("efter X (M)").</summary>
    public Guid? Replaces { get; private set; }

    public uint Version { get; private set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    public bool Overlaps(Membership other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var thisEnd = ValidTo ?? DateOnly.MaxValue;
        var otherEnd = other.ValidTo ?? DateOnly.MaxValue;
        return ValidFrom <= otherEnd && other.ValidFrom <= thisEnd;
    }

    public void Change(
        MembershipRole role, DateOnly validFrom, DateOnly? validTo, Guid? termId, Guid? partyId,
        int? callInOrder, Guid? personalSubstituteFor, Guid? replaces)
    {
        if (validTo is { } to && to < validFrom)
        {
            throw new DomainException("Slutdatum kan inte ligga före startdatum.");
        }

        if (role != MembershipRole.Ersattare && (callInOrder is not null || personalSubstituteFor is not null))
        {
            throw new DomainException("Inkallelseordning och personlig ersättare gäller bara ersättare.");
        }

        if (callInOrder is < 1)
        {
            throw new DomainException("Inkallelseordningen börjar på 1.");
        }

        if (replaces == Id)
        {
            throw new DomainException("Ett uppdrag kan inte efterträda sig självt.");
        }

        Role = role;
        ValidFrom = validFrom;
        ValidTo = validTo;
        TermId = termId;
        PartyId = partyId;
        CallInOrder = callInOrder;
        PersonalSubstituteFor = personalSubstituteFor;
        Replaces = replaces;
    }

    /// <summary>Ends the membership after its last day (a resignation, or a replacement elected).</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new DomainException("Slutdatum kan inte ligga före startdatum.");
        }

        if (ValidTo is { } current && lastDay > current)
        {
            throw new DomainException("Uppdraget slutar redan tidigare; ändra uppdraget för att förlänga det.");
        }

        ValidTo = lastDay;
    }
}
