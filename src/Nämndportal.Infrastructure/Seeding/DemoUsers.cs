using Nämndportal.Application.Security;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>The fictitious demo logins, one per role. Only ever created by the demo seeder (development).</summary>
public static class DemoUsers
{
    public const string Password = "Demo-Nämnd-2026";

    /// <summary>The administrator's authenticator secret (Base32), printed by dev.sh so it can be added to an app.</summary>
    public const string AdministratorAuthenticatorKey = "NAMNDPORTALDEMOKEY234567ABCDEFGH";

    /// <summary>Omsorgsnämnden's chair, whose login the reader's demo content makes (<see cref="DemoReaderContent"/>): they sign the demo protokoll.</summary>
    public const string ChairEmail = "sara.westerlund@exempelby.se";

    /// <summary>The chair's and Lars Ledamot's authenticator secrets (Base32), for signing a protokoll; printed by dev.sh.</summary>
    public const string ChairAuthenticatorKey = "NAMNDPORTALORDFORANDE234567ABCDE";

    public const string MemberAuthenticatorKey = "NAMNDPORTALLEDAMOT234567ABCDEFGH";

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin@exempelby.se", "Alva Admin", Roles.Administrator),
        new("sekreterare@exempelby.se", "Sara Sekreterare", Roles.Secretary),
        new("registrator@exempelby.se", "Rolf Registrator", Roles.Registrar),
        new("handlaggare@exempelby.se", "Hanna Handläggare", Roles.CaseOfficer),
        new("ledamot@exempelby.se", "Lars Ledamot", Roles.Member),
        new("ersattare@exempelby.se", "Erika Ersättare", Roles.Substitute),
        new("revisor@exempelby.se", "Rut Revisor", Roles.Auditor),
    ];
}

public sealed record DemoUser(string Email, string DisplayName, string Role);
