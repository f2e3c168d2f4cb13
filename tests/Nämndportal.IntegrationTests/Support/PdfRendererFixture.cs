using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Infrastructure.Pdf;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>One real headless Chromium (Debian's, or NP_CHROMIUM_PATH) shared by the PDF tests.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public PlaywrightPdfRenderer Renderer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // The services the app gives Blazor's HtmlRenderer (some of them scoped), in a container that validates
        // scopes as the app's does: a renderer that resolved them from the root provider fails here too.
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var environment = new TestWebHostEnvironment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddRazorComponents();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var options = Options.Create(new PdfOptions
        {
            ChromiumPath = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") ?? "/usr/bin/chromium",
        });
        Renderer = new PlaywrightPdfRenderer(
            _services.GetRequiredService<IServiceScopeFactory>(),
            _services.GetRequiredService<ILoggerFactory>(),
            options,
            _services.GetRequiredService<ILogger<PlaywrightPdfRenderer>>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Renderer.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

/// <summary>What Razor components ask of the host, for a container built outside one.</summary>
internal sealed class TestWebHostEnvironment : IWebHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "Nämndportal.Web";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

    public string WebRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
}
