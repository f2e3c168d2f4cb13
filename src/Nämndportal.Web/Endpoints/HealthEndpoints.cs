using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Nämndportal.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>/health/live: the process answers. /health/ready: it can also reach the database.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
