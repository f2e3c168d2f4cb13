using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Meetings;

namespace Nämndportal.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach the database. Both name the instance that
    /// answered (<c>X-Portal-Instance</c>), so an operator behind the proxy sees which one it was.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.Headers["X-Portal-Instance"] = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.InstanceName;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
