using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// A light limit on /kalender/{token}.ics per IP address: calendar apps poll a few times an hour, so 60 reads a minute
/// is far above real use and far below what guessing tokens would need (not that 256 random bits can be guessed).
/// </summary>
public sealed class CalendarFeedRateLimit : IRateLimiterPolicy<string>
{
    public const string PolicyName = "calendar-feed";

    public const int ReadsPerMinute = 60;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (rejected, cancellationToken) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return new ValueTask(response.WriteAsync("För många hämtningar av kalendern. Försök igen om en stund.", cancellationToken));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            "calendar:" + (httpContext?.Connection.RemoteIpAddress?.ToString() ?? "okänd"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = ReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

public static class CalendarFeedRateLimitExtensions
{
    public static IServiceCollection AddCalendarFeedRateLimit(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(options => options.AddPolicy<string, CalendarFeedRateLimit>(CalendarFeedRateLimit.PolicyName));
        return services;
    }
}
