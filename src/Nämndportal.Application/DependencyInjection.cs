using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Security;

namespace Nämndportal.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler (plain scoped services) and every validator of this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.Configure<Meetings.NoticePackOptions>(configuration.GetSection(Meetings.NoticePackOptions.SectionName));
        services.Configure<Cases.DocumentOptions>(configuration.GetSection(Cases.DocumentOptions.SectionName));
        services.Configure<Cases.OfficerReportOptions>(configuration.GetSection(Cases.OfficerReportOptions.SectionName));
        services.Configure<Meetings.PortalOptions>(configuration.GetSection(Meetings.PortalOptions.SectionName));
        services.Configure<Audit.FollowUpOptions>(configuration.GetSection(Audit.FollowUpOptions.SectionName));

        services.AddScoped<AccessService>();
        services.AddScoped<AuditTrail.AuditTrailRecorder>();
        services.AddScoped<Meetings.NoticePackService>();
        services.AddScoped<Minutes.MinutesPdfService>();
        services.AddScoped<Minutes.MinutesJustering>();

        // Every use case is a plain scoped class named …Handler (or …Job for background work): registered by name,
        // so adding a use case is adding its file.
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNested: false }
                                 && (t.Name.EndsWith("Handler", StringComparison.Ordinal) || t.Name.EndsWith("Job", StringComparison.Ordinal))))
        {
            services.AddScoped(type);
        }

        return services;
    }
}
