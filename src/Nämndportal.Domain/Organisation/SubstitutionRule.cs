using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>
/// One line of an organ's table of which parties' ersättare are called when a party's own are used up:
/// for an absent ledamot of <see cref="AbsentPartyId"/>, try <see cref="SubstitutePartyId"/> at <see cref="Position"/>.
/// </summary>
public sealed class SubstitutionRule : Entity
{
    private SubstitutionRule()
    {
    }

    public SubstitutionRule(Guid organId, Guid absentPartyId, int position, Guid substitutePartyId)
    {
        if (position < 1)
        {
            throw new DomainException("Ordningen i ersättartabellen börjar på 1.");
        }

        if (absentPartyId == substitutePartyId)
        {
            throw new DomainException("Partiets egna ersättare kallas alltid först; ange ett annat parti i tabellen.");
        }

        OrganId = organId;
        AbsentPartyId = absentPartyId;
        Position = position;
        SubstitutePartyId = substitutePartyId;
    }

    public Guid OrganId { get; private set; }

    public Guid AbsentPartyId { get; private set; }

    public int Position { get; private set; }

    public Guid SubstitutePartyId { get; private set; }
}
