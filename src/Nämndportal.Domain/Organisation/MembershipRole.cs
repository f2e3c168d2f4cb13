namespace Nämndportal.Domain.Organisation;

public enum MembershipRole
{
    Ordforande,
    ForsteViceOrdforande,
    AndreViceOrdforande,
    Ledamot,
    Ersattare,
}
