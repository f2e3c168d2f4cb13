namespace Nämndportal.Application.Security;

/// <summary>The portal's roles. The stored names are the Swedish ones users see.</summary>
public static class Roles
{
    public const string Administrator = "Administratör";
    public const string Secretary = "Nämndsekreterare";
    public const string Registrar = "Registrator";
    public const string CaseOfficer = "Handläggare";
    public const string Member = "Ledamot";
    public const string Substitute = "Ersättare";
    public const string Auditor = "Revisor";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Secretary, Registrar, CaseOfficer, Member, Substitute, Auditor];
}
