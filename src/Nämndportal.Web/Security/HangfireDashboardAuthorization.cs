using Hangfire.Dashboard;
using Nämndportal.Application.Security;

namespace Nämndportal.Web.Security;

/// <summary>The job dashboard is for administrators only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator);
    }
}
