using System.Security.Cryptography.X509Certificates;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Search;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Jobs;
using Nämndportal.Infrastructure.NoticeBoard;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Infrastructure.Search;
using Nämndportal.Infrastructure.Seeding;

namespace Nämndportal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Start the portal with ./dev.sh run, or set ConnectionStrings__Default.");
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditFieldsInterceptor>();
        services.AddScoped<AuditTrailInterceptor>();
        // Scoped factory: each context it creates gets the interceptor of the current user's scope.
        services.AddDbContextFactory<AppDbContext>(
            (sp, options) =>
            {
                ConfigureNpgsql(options, connectionString);
                options.AddInterceptors(sp.GetRequiredService<AuditFieldsInterceptor>(), sp.GetRequiredService<AuditTrailInterceptor>());
            },
            ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<IAppDbContextFactory, AppDbContextFactory>();

        services.Configure<LoginOptions>(configuration.GetSection(LoginOptions.SectionName));
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.SectionName));
        var login = configuration.GetSection(LoginOptions.SectionName).Get<LoginOptions>() ?? new LoginOptions();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = login.RequiredPasswordLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = login.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(login.LockoutMinutes);
                options.Tokens.AuthenticatorTokenProvider = ReplayProofAuthenticatorTokenProvider.ProviderName;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayProofAuthenticatorTokenProvider>(ReplayProofAuthenticatorTokenProvider.ProviderName);
        services.Configure<UserSessionOptions>(configuration.GetSection(UserSessionOptions.SectionName));
        services.AddScoped<LoginAuditTrail>();
        services.AddScoped<UserSessions>();
        services.AddSingleton<PostgresTicketStore>();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Nämndportal")
            .PersistKeysToDbContext<AppDbContext>();
        // In production the key ring is encrypted with a certificate, so reading the database is not enough to
        // forge login cookies. Every instance needs the same certificate.
        var certificatePath = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.SectionName));
        services.AddSingleton<PlaywrightPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<PlaywrightPdfRenderer>());
        services.AddSingleton<IPdfTools, PdfPigTools>();
        services.AddSingleton<IPdfPackAssembler, PdfSharpPackAssembler>();
        services.AddSingleton<IPdfReader, PdfPigReader>();
        services.AddSingleton<IPdfArchiver, GhostscriptPdfArchiver>();
        services.Configure<LibreOfficeOptions>(configuration.GetSection(LibreOfficeOptions.SectionName));
        services.AddSingleton<IPdfConverter, LibreOfficePdfConverter>();
        services.AddSingleton<IRichTextSanitizer, RichTextSanitizer>();

        AddJobs(services, configuration, connectionString);
        services.AddMail(configuration);
        services.AddCalendarFeeds();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoCaseContent>();
        services.AddScoped<DemoMeetingContent>();
        services.AddScoped<DemoReaderContent>();
        services.AddScoped<DemoMinutesContent>();
        services.AddScoped<DemoDelegationContent>();
        services.AddScoped<DemoAuditContent>();
        services.AddScoped<AdministratorAccounts>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Application.Minutes.ISigningProvider, PortalSigningProvider>();
        services.AddScoped<ICaseSearch, PostgresCaseSearch>();

        // The public pages' output cache is the web host's (AddOutputCache); its evictions go to every instance over LISTEN/NOTIFY.
        services.AddSingleton(new PublicPageCacheConnection(connectionString));
        services.AddSingleton<IPublicPageCache, PostgresPublicPageCache>();
        services.AddSingleton<CacheInvalidationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheInvalidationListener>());
        return services;
    }

    public static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Split queries: a meeting loaded with its items and their documents is two lean queries, not one cartesian product.
        // Transient failures (PostgreSQL restarted, a dropped connection) are retried for a few seconds, except inside a
        // transaction the code began: see RetryOutsideTransactionsExecutionStrategy.
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .ExecutionStrategy(dependencies => new RetryOutsideTransactionsExecutionStrategy(dependencies)))
            .UseSnakeCaseNamingConvention();
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var jobOptions = configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.SectionName));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                bootstrap => bootstrap.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = jobOptions.InvisibilityTimeout,
                    QueuePollInterval = jobOptions.QueuePollInterval,
                }));
        if (jobOptions.RunServer)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = Math.Max(1, jobOptions.WorkerCount);
                // The instance's name (Portal:InstanceName, set by Program) and the process: the dashboard's server list
                // then says which instance ran a job.
                var instance = configuration["Portal:InstanceName"] is { Length: > 0 } name ? name : Environment.MachineName;
                options.ServerName = $"{instance}:{Environment.ProcessId}";
            });
            services.AddHostedService<RecurringJobs>();
        }

        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
    }
}
