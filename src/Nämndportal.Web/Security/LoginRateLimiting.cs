using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Nämndportal.Web.Security;

public sealed class LoginRateLimitOptions
{
    public const string SectionName = "Security:RateLimits";

    /// <summary>Login and second-factor attempts per IP address per <see cref="Window"/>.</summary>
    public int AttemptsPerAddress { get; set; } = 20;

    /// <summary>Login attempts per account (the e-mail address typed) or second-factor attempts per pending login, per window.</summary>
    public int AttemptsPerAccount { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Limits the login form's and the second-factor form's POSTs with ASP.NET Core's rate limiter, per IP address and per
/// account; a refused attempt gets status 429 and a Swedish page. Other requests are not limited.
/// </summary>
public static class LoginRateLimiting
{
    public const string LoginPath = "/konto/logga-in";
    public const string SecondFactorPath = "/konto/tvastegsverifiering";
    public const string RejectedMessage = "För många inloggningsförsök. Vänta en stund och försök igen.";

    private const string AccountItem = "np.login-account";

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LoginRateLimitOptions.SectionName).Get<LoginRateLimitOptions>() ?? new LoginRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context)
                    ? Window("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "okänd"), limits.AttemptsPerAddress, limits.Window)
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAttempt(context) && context.Items[AccountItem] is string account
                    ? Window("account:" + account, limits.AttemptsPerAccount, limits.Window)
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(RejectedPage, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>Reads which account a login attempt is for, then applies the limits. Call before authentication.</summary>
    public static IApplicationBuilder UseLoginRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsAttempt(context))
            {
                context.Items[AccountItem] = await AccountAsync(context);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    // Routing also sends "/konto/logga-in/" (a trailing slash) to the login page: it is an attempt too.
    private static bool IsAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && (IsPath(context, LoginPath) || IsPath(context, SecondFactorPath));

    private static bool IsPath(HttpContext context, string path) =>
        string.Equals((context.Request.Path.Value ?? string.Empty).TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase);

    private static async Task<string?> AccountAsync(HttpContext context)
    {
        if (IsPath(context, SecondFactorPath))
        {
            // The second step belongs to the account whose password was just given (Identity's two-factor cookie).
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? "2fa:" + id : null;
        }

        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["Input.Email"].ToString().Trim();
        // Normalised as Identity finds accounts, so another spelling of the same address shares the limit.
        return email.Length == 0 ? null : context.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private const string RejectedPage = $$"""
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>För många försök – Nämndportal</title></head>
        <body>
        <main>
        <h1>För många försök</h1>
        <p role="alert">{{RejectedMessage}}</p>
        <p><a href="{{LoginPath}}">Till inloggningen</a></p>
        </main>
        </body>
        </html>
        """;
}
