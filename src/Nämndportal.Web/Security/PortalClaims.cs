namespace Nämndportal.Web.Security;

public static class PortalClaims
{
    /// <summary>"true" when the user has an authenticator app enrolled; refreshed at sign-in and on enrolment.</summary>
    public const string TwoFactorEnrolled = "np:2fa";

    /// <summary>"true" when the user sits on an organ whose reglemente requires a second factor of its members.</summary>
    public const string TwoFactorRequiredByOrgan = "np:2fa-organ";
}
