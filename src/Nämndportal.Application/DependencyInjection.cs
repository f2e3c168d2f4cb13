using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Files;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Samples;

namespace Nämndportal.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler (plain scoped services) and every validator of this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.Configure<SamplePdfOptions>(configuration.GetSection(SamplePdfOptions.SectionName));

        services.AddScoped<ListMyMeetingsHandler>();
        services.AddScoped<StartSamplePdfHandler>();
        services.AddScoped<RenderSamplePdfJob>();
        services.AddScoped<GetBackgroundTaskHandler>();
        services.AddScoped<GetStoredFileHandler>();
        return services;
    }
}
