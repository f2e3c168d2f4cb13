using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.Infrastructure.RichText;

namespace Nämndportal.Benchmarks;

/// <summary>
/// The members' kallelse pack through the portal's own <see cref="NoticePackService"/> on a fresh database: a meeting of 22
/// decision items, each with its tjänsteskrivelse, 20 of them with an attached PDF of about nine pages (about 220 pages).
/// Printed once cold (every part through Chromium), then five warm runs (every part from the cache: what a second
/// download or a second variant costs), then once after one item's tjänsteskrivelse changed (one part printed again).
/// The last line is the median warm time, "kallelse-pack: X s".
/// </summary>
internal static class KallelsePackBenchmark
{
    private const int Items = 22;
    private const int Attachments = 20;

    public static async Task<int> RunAsync(string server)
    {
        var name = "naemndportal_bench_kallelse" + Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString;
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var factory = new BenchDbContextFactory(connectionString);
            await using (var db = factory.Create())
            {
                await db.Database.MigrateAsync();
            }

            await using var services = PackAssemblyBenchmark.BuildServices();
            await using var renderer = new PlaywrightPdfRenderer(
                services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance,
                Options.Create(new PdfOptions { ChromiumPath = Environment.GetEnvironmentVariable("NP_CHROMIUM_PATH") ?? "/usr/bin/chromium" }),
                NullLogger<PlaywrightPdfRenderer>.Instance);

            Console.WriteLine($"Skapar ett sammanträde med {Items} punkter och {Attachments} bifogade PDF:er (bilagorna skrivs ut med Chromium, tas inte med i tiden)");
            var (meetingId, changedReportId) = await SeedAsync(factory, renderer);
            var service = new NoticePackService(
                factory, renderer, new PdfSharpPackAssembler(new PdfPigReader()), new RichTextSanitizer(), new NoDirectory(),
                Options.Create(new OfficerReportOptions { Municipality = "Exempelby kommun" }), TimeProvider.System, NullLogger<NoticePackService>.Instance);

            var watch = Stopwatch.StartNew();
            var pack = await service.BuildAsync(meetingId, PackVariant.Members, 1, null);
            var cold = watch.Elapsed.TotalSeconds;
            var warm = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                watch.Restart();
                pack = await service.BuildAsync(meetingId, PackVariant.Members, 1, null);
                warm.Add(watch.Elapsed.TotalSeconds);
            }

            await using (var db = factory.Create())
            {
                var report = await db.OfficerReports.SingleAsync(r => r.Id == changedReportId);
                report.Write(report.Proposals, report.SummaryHtml + "<p>Förvaltningen har kompletterat ärendet efter dialog med pensionärsrådet.</p>",
                    report.DescriptionHtml, report.DecisionBasis, report.Consequences, report.DispatchTo, report.SearchText + " kompletterat");
                await db.SaveChangesAsync();
            }

            watch.Restart();
            var changed = await service.BuildAsync(meetingId, PackVariant.Members, 1, null);
            var rerender = watch.Elapsed.TotalSeconds;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Paketet: {pack.PageCount} sidor, {pack.Pdf.Length / 1024} KiB; kall {cold:F2} s; varma {string.Join(" ", warm.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"En punkts tjänsteskrivelse ändrad: {rerender:F2} s ({changed.PageCount} sidor)"));
            Console.WriteLine($"Maskin: {Environment.ProcessorCount} kärnor; belastning {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var sorted = warm.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kallelse-pack-rerender: {rerender:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kallelse-pack: {sorted[sorted.Count / 2]:F2} s"));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<(Guid MeetingId, Guid ChangedReportId)> SeedAsync(BenchDbContextFactory factory, PlaywrightPdfRenderer renderer)
    {
        await using var db = factory.Create();
        var organ = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        db.Organs.Add(organ);
        var start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));
        var meeting = new Meeting(organ.Id, start, start.AddHours(4), "Kommunhuset, sammanträdesrum Björken");
        var layout = new PdfLayout("Bilaga", "Omsorgsnämnden", "BILAGA", null, NumberPages: false);
        Guid changed = default;
        for (var i = 1; i <= Items; i++)
        {
            var @case = new Case(organ.Id, "OMF", 2026, i, $"OMF-2026-{i}", $"Ärende {i} om äldreomsorgens bemanning", new DateOnly(2026, 10, 1), null);
            @case.MoveTo(CaseStatus.UnderBeredning);
            @case.MoveTo(CaseStatus.KlartForBeslut);
            db.Cases.Add(@case);
            var documents = new List<Guid>();
            if (i <= Attachments)
            {
                var document = new CaseDocument(@case.Id, 1, DocumentDirection.Upprattad, new DateOnly(2026, 11, 2), null, $"Utredning {i} om bemanningen");
                var pdf = await renderer.RenderAsync(Model($"Bilaga {i}: utredning om bemanningen", 125), layout);
                db.CaseDocuments.Add(document);
                db.FileBlobs.Add(new FileBlob(pdf));
                db.DocumentVersions.Add(new DocumentVersion(@case.Id, document.Id, 1, $"utredning-{i}.pdf", FileKind.Pdf, "application/pdf", pdf.Length, FileBlob.Checksum(pdf)));
                documents.Add(document.Id);
            }

            var report = new OfficerReport(@case.Id);
            report.Write(["godkänna förvaltningens förslag", "uppdra åt förvaltningen att återrapportera"],
                string.Concat(Enumerable.Repeat(Paragraph, 22)), "<p>Bakgrund och förslag.</p>", documents, [], ["Omsorgsförvaltningen", "Akten"], "Bemanning");
            report.Sign("Omsorgsförvaltningen", "Karin Lind", "Utredare", "karin.lind@exempelby.se", null, new DateOnly(2026, 11, 20));
            db.OfficerReports.Add(report);
            if (i == 7)
            {
                changed = report.Id;
            }

            var item = meeting.AddItem(AgendaItemKind.Decision, @case.Title, @case.Id, @case.Number);
            meeting.SetItemDocuments(item.Id, true, documents);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, changed);
    }

    private const string Paragraph =
        "<p>Förvaltningen har utrett frågan om äldreomsorgens bemanning under året och redovisar här sina slutsatser om kostnader, kvalitet och personalens arbetsmiljö, med jämförelser mot tidigare år och mot andra kommuner i länet.</p>";

    private static OfficerReportDocumentModel Model(string title, int paragraphs) =>
        new("Exempelby kommun", "Omsorgsförvaltningen", "Omsorgsnämnden", "OMF-2026-1", title, new DateOnly(2026, 11, 2),
            "Karin Lind", "Utredare", null, null, [], string.Concat(Enumerable.Repeat(Paragraph, paragraphs)), "<p>Bakgrund.</p>", [], [], []);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The bench organ has no nämndsekreterare, so the pack never asks for a login's contact details.</summary>
    private sealed class NoDirectory : IUserDirectory
    {
        public Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

        public Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default) => Task.FromResult<UserContact?>(null);

        public Task<IReadOnlyList<Lookup>> StaffAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Lookup>>([]);

        public Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
