using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Security;
using Nämndportal.Infrastructure.Identity;

// In the root namespace, so DependencyInjection.cs calls it with one line and no new using.
namespace Nämndportal.Infrastructure;

public static class CalendarFeedServiceCollectionExtensions
{
    /// <summary>What the anonymous calendar feed needs to judge access for the feed's owner.</summary>
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services)
    {
        services.AddScoped<IAccountRoles, IdentityAccountRoles>();
        return services;
    }
}
