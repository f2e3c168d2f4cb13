namespace Nämndportal.Domain.Organisation;

public enum MembershipRole
{
    Ordforande,
    ForsteViceOrdforande,
    AndreViceOrdforande,
    Ledamot,
    Ersattare,
}

public static class MembershipRoleExtensions
{
    /// <summary>Chairs and vice chairs hold a ledamot's seat too; only an ersättare has none.</summary>
    public static bool HoldsSeat(this MembershipRole role) => role != MembershipRole.Ersattare;

    public static string SwedishName(this MembershipRole role) => role switch
    {
        MembershipRole.Ordforande => "Ordförande",
        MembershipRole.ForsteViceOrdforande => "1:e vice ordförande",
        MembershipRole.AndreViceOrdforande => "2:e vice ordförande",
        MembershipRole.Ledamot => "Ledamot",
        MembershipRole.Ersattare => "Ersättare",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
