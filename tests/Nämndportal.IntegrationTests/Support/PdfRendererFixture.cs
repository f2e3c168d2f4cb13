using Microsoft.Extensions.DependencyInjection;
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
        _services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var options = Options.Create(new PdfOptions
        {
            ChromiumPath = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") ?? "/usr/bin/chromium",
        });
        Renderer = new PlaywrightPdfRenderer(
            _services,
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
