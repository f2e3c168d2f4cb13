namespace Nämndportal.Web.Security;

/// <summary>
/// The security headers on every response, pages, static files, API answers and the job dashboard alike
/// (NetEscapades.AspNetCore.SecurityHeaders, first in the pipeline). See docs/security.md.
/// </summary>
public static class SecurityHeaders
{
    private const int OneYear = 365 * 24 * 60 * 60;

    public static HeaderPolicyCollection Policies(bool development)
    {
        var policies = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(builder => builder.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // No inline script and no eval: every script is a file of the portal's own.
                csp.AddScriptSrc().Self();
                // MudBlazor positions popovers and sets sizes through style attributes.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                // Blazor's circuit is a WebSocket to the same origin.
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddAccelerometer().None();
                permissions.AddCamera().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddPayment().None();
                permissions.AddUsb().None();
            })
            .RemoveServerHeader();
        if (!development)
        {
            // Sent on HTTPS responses only (the middleware's rule), so a plain-HTTP development run is unaffected.
            policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(OneYear);
        }

        return policies;
    }
}
