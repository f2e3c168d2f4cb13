using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Nämndportal.Application.Pdf;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// Renders a document model's Razor template to HTML and prints it with headless Chromium through Playwright.
/// One browser is started on first use and reused. A browser context with its page costs about half a second to make,
/// so pages are kept in a small pool (no more than <see cref="PdfOptions.MaxConcurrentPages"/>) and reused: each print
/// replaces the page's whole document, JavaScript is off and the context is offline, so nothing of one document reaches
/// the next. A page that failed is closed rather than reused.
/// </summary>
/// <remarks>
/// The renderer is a singleton, but Blazor's <see cref="HtmlRenderer"/> resolves scoped services (the components'
/// activity source among them): each document is rendered in a service scope of its own, never from the root
/// provider, which a container that validates scopes (every environment here) refuses.
/// </remarks>
public sealed class PlaywrightPdfRenderer(
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory,
    IOptions<PdfOptions> options,
    ILogger<PlaywrightPdfRenderer> logger) : IPdfRenderer, IAsyncDisposable
{
    // As root Chromium needs --no-sandbox; the rest keep it from calling home on a closed network.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _pages = new(Math.Max(1, options.Value.MaxConcurrentPages));
    private readonly System.Collections.Concurrent.ConcurrentBag<(IBrowser Browser, IBrowserContext Context, IPage Page)> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync<TModel>(TModel model, PdfLayout layout, CancellationToken cancellationToken = default)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = await RenderHtmlAsync(model, layout);
        var browser = await GetBrowserAsync();

        await _pages.WaitAsync(cancellationToken);
        (IBrowser Browser, IBrowserContext Context, IPage Page)? lease = null;
        try
        {
            while (_idle.TryTake(out var idle))
            {
                if (idle.Browser == browser && !idle.Page.IsClosed)
                {
                    lease = idle;
                    break;
                }
            }

            if (lease is null)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    Locale = "sv-SE",
                    TimezoneId = "Europe/Stockholm",
                    JavaScriptEnabled = false,
                    Offline = true,
                });
                lease = (browser, context, await context.NewPageAsync());
            }

            var page = lease.Value.Page;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = !layout.Measuring,
                PreferCSSPageSize = true,
                // The header and footer sit in the margins, so the page breaks do not depend on them: a measuring print leaves them out.
                DisplayHeaderFooter = !layout.Measuring,
                HeaderTemplate = HeaderTemplate(layout),
                FooterTemplate = FooterTemplate(layout),
                Tagged = !layout.Measuring,
                Outline = !layout.Measuring,
            });
            _idle.Add(lease.Value);
            lease = null;
            return pdf;
        }
        finally
        {
            if (lease is { } failed)
            {
                await failed.Context.CloseAsync();
            }

            _pages.Release();
        }
    }

    /// <summary>The HTML that would be printed; public so a document's markup can be inspected in tests.</summary>
    public async Task<string> RenderHtmlAsync<TModel>(TModel model, PdfLayout layout)
        where TModel : class
    {
        var component = PdfTemplates.For(typeof(TModel));
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Model"] = model,
                ["Layout"] = layout,
            });
            var output = await renderer.RenderComponentAsync(component, parameters);
            return output.ToHtmlString();
        });
        return "<!DOCTYPE html>" + body;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _startLock.Dispose();
        _pages.Dispose();
    }

    // Chromium fills .pageNumber and .totalPages itself; the templates need their own font size (the default is 0).
    private static string HeaderTemplate(PdfLayout layout) =>
        $"""
        <div style="font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; width: 100%; margin: 0 20mm 0 25mm; display: flex; justify-content: space-between; color: #333;">
          <span>{WebUtility.HtmlEncode(layout.HeaderLeft)}</span><span>{WebUtility.HtmlEncode(layout.HeaderRight)}</span>
        </div>
        """;

    private static string FooterTemplate(PdfLayout layout) => layout.SignatureBoxes is { Count: > 0 } boxes
        ? $"""
        <div style="font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 7pt; width: 100%; margin: 0 20mm 0 25mm; color: #222;">
          <div style="display: flex; gap: 3mm;">{string.Concat(boxes.Select(b => $"<div style=\"flex: 1; border: 0.3mm solid #333; height: 12mm; padding: 0.8mm 1.5mm;\">{WebUtility.HtmlEncode(b)}</div>"))}</div>
          <div style="display: flex; justify-content: space-between; margin-top: 1.5mm; font-size: 8pt;"><span>{WebUtility.HtmlEncode(layout.FooterLeft ?? string.Empty)}</span>{(layout.NumberPages ? PageNumberTemplate : string.Empty)}</div>
        </div>
        """
        : $"""
        <div style="font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; width: 100%; margin: 0 20mm 0 25mm; display: flex; justify-content: space-between; color: #333;">
          <span>{WebUtility.HtmlEncode(layout.FooterLeft ?? string.Empty)}</span>{(layout.NumberPages ? PageNumberTemplate : string.Empty)}
        </div>
        """;

    // A part of a kallelse pack is printed without it: the pack assembler numbers the pages across the whole pack.
    private const string PageNumberTemplate = """<span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span>""";

    private async Task<IBrowser> GetBrowserAsync()
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            _playwright ??= await Playwright.CreateAsync();
            logger.LogInformation("Starting headless Chromium for PDF rendering");
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }
}
