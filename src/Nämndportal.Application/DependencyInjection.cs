using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Files;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Application.Samples;

namespace Nämndportal.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler (plain scoped services) and every validator of this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.Configure<SamplePdfOptions>(configuration.GetSection(SamplePdfOptions.SectionName));

        services.AddScoped<AccessService>();
        services.AddScoped<Cases.RegisterCaseHandler>();
        services.AddScoped<ListMyMeetingsHandler>();
        services.AddScoped<GetLookupsHandler>();
        services.AddScoped<ListOrgansHandler>();
        services.AddScoped<GetOrganHandler>();
        services.AddScoped<SaveOrganHandler>();
        services.AddScoped<EndOrganHandler>();
        services.AddScoped<SaveTermHandler>();
        services.AddScoped<ListTermsHandler>();
        services.AddScoped<AddPartyHandler>();
        services.AddScoped<SearchPersonsHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<SavePersonHandler>();
        services.AddScoped<SaveMembershipHandler>();
        services.AddScoped<EndMembershipHandler>();
        services.AddScoped<ImportRosterHandler>();
        services.AddScoped<SubstitutionTableHandler>();
        services.AddScoped<OfficialsHandler>();
        services.AddScoped<ExportRosterHandler>();
        services.AddScoped<StartSamplePdfHandler>();
        services.AddScoped<RenderSamplePdfJob>();
        services.AddScoped<GetBackgroundTaskHandler>();
        services.AddScoped<GetStoredFileHandler>();
        return services;
    }
}
