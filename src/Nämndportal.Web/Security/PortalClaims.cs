namespace Nämndportal.Web.Security;

public static class PortalClaims
{
    /// <summary>"true" when the user has an authenticator app enrolled; refreshed at sign-in and on enrolment.</summary>
    public const string TwoFactorEnrolled = "np:2fa";
}
