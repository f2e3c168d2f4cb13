using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Infrastructure.Seeding;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>The real app in-process (TestServer) on the test database, with settings a test may override.</summary>
public sealed class PortalFactory(string connectionString, IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    /// <param name="seedForReal">
    /// Whether the demo data is seeded by the seeder even on empty tables; otherwise empty tables get the rows the seeder
    /// wrote once in this test run (<see cref="DemoDataTemplate"/>). Only the seeder's own tests need it.
    /// </param>
    public static async Task<PortalFactory> StartAsync(
        DatabaseFixture database, IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null,
        bool seedForReal = false)
    {
        var restored = !seedForReal && await DemoDataTemplate.TryRestoreAsync(database);
        var factory = new PortalFactory(database.ConnectionString, settings ?? new Dictionary<string, string?>(), configure);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        if (!restored)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Security:TwoFactor:Enforce", "false");
        builder.UseSetting("Pdf:ChromiumPath", Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") ?? "/usr/bin/chromium");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
