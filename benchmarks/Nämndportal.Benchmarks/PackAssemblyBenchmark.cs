using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Pdf;
using Nämndportal.Infrastructure.Pdf;

namespace Nämndportal.Benchmarks;

/// <summary>
/// The kallelse pack assembler alone: a kallelse page, 22 tjänsteskrivelser and 20 attachments, all printed by Chromium
/// first (not timed), about 220 pages; then Prepare + Assemble timed, cold once and warm five times. Also the cost of one
/// changed item: printing its tjänsteskrivelse again plus assembling the whole pack again. The last line is the median
/// warm assembly, "pack-assembly: X s".
/// </summary>
internal static class PackAssemblyBenchmark
{
    private const int Items = 22;
    private const int Attachments = 20;

    public static async Task<int> RunAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") ?? "/usr/bin/chromium";
        await using var services = BuildServices();
        await using var renderer = new PlaywrightPdfRenderer(
            services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance,
            Options.Create(new PdfOptions { ChromiumPath = chromium }), NullLogger<PlaywrightPdfRenderer>.Instance);
        var layout = new PdfLayout("Kallelse", "Omsorgsnämnden", "KALLELSE 2026-12-09", "Exempelby kommun", NumberPages: false);

        Console.WriteLine($"Skriver ut {1 + Items + Attachments} delar med Chromium (tas inte med i tiden)");
        var printing = Stopwatch.StartNew();
        var front = await renderer.RenderAsync(Report("Kallelse till sammanträde", 3), layout);
        var reports = new List<byte[]>();
        for (var i = 0; i < Items; i++)
        {
            reports.Add(await renderer.RenderAsync(Report($"Ärende {i + 1} om äldreomsorgen", 22), layout));
        }

        var attachments = new List<byte[]>();
        for (var i = 0; i < Attachments; i++)
        {
            attachments.Add(await renderer.RenderAsync(Report($"Bilaga {i + 1}: utredning", 125), layout));
        }

        var perPart = printing.Elapsed.TotalSeconds / (1 + Items + Attachments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Utskrift med Chromium: {perPart:F2} s per del i snitt"));

        var assembler = new PdfSharpPackAssembler(new PdfPigReader());
        var timings = new List<double>();
        PdfPack pack = null!;
        for (var run = 0; run < 6; run++)
        {
            var watch = Stopwatch.StartNew();
            pack = Assemble(assembler, front, reports, attachments);
            timings.Add(watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Paketet: {pack.PageCount} sidor, {pack.Pdf.Length / 1024} KiB; kall {timings[0]:F2} s, varma {string.Join(" ", timings.Skip(1).Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s"));

        // One item changed: its tjänsteskrivelse is printed again; the other parts come from the job's cache.
        var watchChange = Stopwatch.StartNew();
        reports[6] = await renderer.RenderAsync(Report("Ärende 7 om äldreomsorgen, ändrat", 22), layout);
        var reprint = watchChange.Elapsed.TotalSeconds;
        Assemble(assembler, front, reports, attachments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"En punkt ändrad: ny utskrift {reprint:F2} s + sammanfogning {watchChange.Elapsed.TotalSeconds - reprint:F2} s = {watchChange.Elapsed.TotalSeconds:F2} s"));

        var warm = timings.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pack-assembly: {warm[warm.Count / 2]:F2} s"));
        return 0;
    }

    private static PdfPack Assemble(PdfSharpPackAssembler assembler, byte[] front, List<byte[]> reports, List<byte[]> attachments)
    {
        var items = Enumerable.Range(0, Items)
            .Select(i => new PdfPackItem(
                $"{i + 1}. Ärende {i + 1} om äldreomsorgen",
                i < Attachments
                    ? [PdfPackDocument.Of("Tjänsteskrivelse", reports[i]), PdfPackDocument.Of($"Bilaga {i + 1}", attachments[i])]
                    : [PdfPackDocument.Of("Tjänsteskrivelse", reports[i])]))
            .ToList();
        using var draft = assembler.Prepare(items);
        return draft.Assemble(new PdfPackFrontMatter(front, "Kallelse"), "Kallelse – Omsorgsnämnden 2026-12-09");
    }

    private static OfficerReportDocumentModel Report(string title, int paragraphs) =>
        new("Exempelby kommun", "Socialförvaltningen", "Omsorgsnämnden", "OMN-2026-17", title, new DateOnly(2026, 11, 20),
            "Karin Lind", "Utredare", null, null, ["Nämnden godkänner förslaget."],
            string.Concat(Enumerable.Repeat(
                "<p>Förvaltningen har utrett frågan om äldreomsorgens bemanning under året och redovisar här sina slutsatser om kostnader, kvalitet och personalens arbetsmiljö, med jämförelser mot tidigare år och mot andra kommuner i länet.</p>",
                paragraphs)),
            "<p>Bakgrund.</p>", [], [], []);

    /// <summary>What Blazor's HtmlRenderer needs from the container, scopes validated as in the app.</summary>
    internal static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var environment = new BenchWebHostEnvironment();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton<IWebHostEnvironment>(environment);
        services.AddRazorComponents();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class BenchWebHostEnvironment : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Nämndportal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string WebRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }
}
