using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Samples;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Jobs;

public class RenderSamplePdfJobTests(DatabaseFixture database, PdfRendererFixture pdf)
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
    }

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
