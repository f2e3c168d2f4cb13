using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Samples;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Nämndportal.IntegrationTests.Jobs;

public partial class RenderSamplePdfJobTests(DatabaseFixture database, PdfRendererFixture pdf)
    : IntegrationTest(database), IClassFixture<PdfRendererFixture>
{
    [Fact]
    public async Task Job_renders_merges_stamps_and_stores_the_pdf_and_reports_done()
    {
        var owner = Guid.NewGuid();
        var task = await InsertAsync(new BackgroundTask(StartSamplePdfHandler.Kind, "Provutskrift", owner));
        var job = new RenderSamplePdfJob(
            new TestDbContextFactory(Database, TestUser.Anonymous, TimeProvider.System),
            pdf.Renderer,
            new PdfPigTools(),
            TimeProvider.System,
            Options.Create(new SamplePdfOptions { Sections = 3 }),
            NullLogger<RenderSamplePdfJob>.Instance);

        await job.RunAsync(task.Id, CancellationToken.None);

        await using var db = Database.CreateContext();
        var done = await db.BackgroundTasks.SingleAsync(t => t.Id == task.Id);
        done.Status.ShouldBe(BackgroundTaskStatus.Succeeded);
        done.ProgressPercent.ShouldBe(100);
        done.Attempts.ShouldBe(1);
        var file = await db.StoredFiles.SingleAsync(f => f.Id == done.ResultFileId);
        file.OwnerUserId.ShouldBe(owner);
        file.Sha256.Length.ShouldBe(64);

        using var document = PdfDocument.Open(file.Content);
        var pages = document.GetPages().ToList();
        pages[0].Text.ShouldContain("Kallelse");
        pages.ShouldAllBe(p => p.Text.Contains("Provutskrift"));
        pages[^1].Text.ShouldContain("Bilaga till ärende 3");

        // Counted from the pages themselves, not from the code that merged them: every printed part numbers its own
        // pages "Sida 1 av N" … "Sida N av N", and the pack holds the kallelse and one bilaga per item (3), whole and in order.
        var footers = pages.Select(p => PageOfPattern().Match(p.Text)).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        var parts = new List<(int Start, int Length)>();
        for (var i = 0; i < footers.Count; i += footers[i].Item2)
        {
            footers.Skip(i).Take(footers[i].Item2).ShouldBe(Enumerable.Range(1, footers[i].Item2).Select(n => (n, footers[i].Item2)), $"part from page {i + 1}");
            parts.Add((i + 1, footers[i].Item2));
        }

        parts.Count.ShouldBe(1 + 3);
        for (var item = 1; item <= 3; item++)
        {
            pages[parts[item].Start - 1].Text.ShouldContain($"Bilaga till ärende {item}");
        }

        // The pack is called what the kallelse is called, and its bookmarks lead to each item and each bilaga.
        document.Information.Title.ShouldBe("Kallelse – Omsorgsnämnden i Exempelby kommun");
        document.TryGetBookmarks(out var bookmarks).ShouldBeTrue("the pack must keep an outline");
        var outline = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToDictionary(n => n.Title, n => n.PageNumber);
        outline["Kallelse"].ShouldBe(1);
        outline["1. Val av justerare"].ShouldBe(2);
        for (var item = 1; item <= 3; item++)
        {
            outline[$"Bilaga till ärende {item}"].ShouldBe(parts[item].Start);
        }
    }

    [GeneratedRegex(@"Sida (\d+) av (\d+)")]
    private static partial Regex PageOfPattern();

    [Fact]
    public async Task Job_for_an_already_finished_task_does_nothing()
    {
        var task = new BackgroundTask(StartSamplePdfHandler.Kind, "Provutskrift", null);
        task.Start(DateTimeOffset.UtcNow);
        task.Succeed(null, DateTimeOffset.UtcNow);
        await InsertAsync(task);
        var job = new RenderSamplePdfJob(
            new TestDbContextFactory(Database, TestUser.Anonymous, TimeProvider.System), pdf.Renderer, new PdfPigTools(),
            TimeProvider.System, Options.Create(new SamplePdfOptions()), NullLogger<RenderSamplePdfJob>.Instance);

        await job.RunAsync(task.Id, CancellationToken.None);

        await using var db = Database.CreateContext();
        (await db.StoredFiles.CountAsync()).ShouldBe(0);
        (await db.BackgroundTasks.SingleAsync()).Attempts.ShouldBe(1);
    }
}
