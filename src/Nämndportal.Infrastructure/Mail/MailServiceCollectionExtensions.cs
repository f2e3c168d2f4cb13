using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Mail;
using Nämndportal.Infrastructure.Mail;

// In the root namespace, so DependencyInjection.cs calls it with one line and no new using.
namespace Nämndportal.Infrastructure;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mailer (SMTP through MailKit) with its settings from section "Mail".</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.SectionName));
        services.AddSingleton<IMailer, MailKitMailer>();
        return services;
    }
}
