using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Samples;

/// <summary>
/// The work behind <see cref="StartSamplePdfHandler"/>: renders each agenda item, merges them, stamps the
/// result and stores it, reporting progress after each step. Safe to run again from the start after a crash.
/// </summary>
public sealed class RenderSamplePdfJob(
    IAppDbContextFactory dbFactory,
    IPdfRenderer renderer,
    IPdfTools pdfTools,
    TimeProvider clock,
    IOptions<SamplePdfOptions> options,
    ILogger<RenderSamplePdfJob> logger)
{
    public async Task RunAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var task = await db.BackgroundTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.Status == BackgroundTaskStatus.Succeeded)
        {
            return;
        }

        task.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sample PDF task {TaskId} started, attempt {Attempt}", taskId, task.Attempts);

        try
        {
            var model = SampleDocumentFactory.Create(options.Value.Sections);
            var layout = new PdfLayout(
                $"Kallelse – {model.OrganName}",
                model.OrganName,
                "KALLELSE " + SwedishTime.ToLocal(model.MeetingStartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "Exempelby kommun");

            // Step 1 is the kallelse itself; then one bilaga per item, each printed on its own and merged after it,
            // as a kallelse pack is built from the tjänsteskrivelse and the handlingar attached to each item.
            var steps = model.Sections.Count + 1;
            var parts = new List<byte[]> { await renderer.RenderAsync(model, layout, cancellationToken) };
            await ReportAsync(1, "Kallelsen är klar");
            foreach (var section in model.Sections)
            {
                var attachmentLayout = layout with { Title = $"Bilaga till ärende {section.Number}" };
                parts.Add(await renderer.RenderAsync(new SampleAttachmentModel(model.OrganName, section), attachmentLayout, cancellationToken));
                await ReportAsync(section.Number + 1, $"Bilaga {section.Number} av {model.Sections.Count} är klar");
            }

            var merged = pdfTools.Merge(parts);
            var stamped = pdfTools.Stamp(merged, "Provutskrift");

            var file = StoredFile.ForSample("provutskrift-kallelse.pdf", "application/pdf", stamped, task.RequestedByUserId);
            db.StoredFiles.Add(file);
            task.Succeed(file.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Sample PDF task {TaskId} succeeded with {Bytes} bytes", taskId, stamped.Length);

            async Task ReportAsync(int step, string text)
            {
                task.ReportProgress(step * 100 / (steps + 1), text);
                await db.SaveChangesAsync(cancellationToken);
                await Task.Delay(options.Value.StepDelay, clock, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sample PDF task {TaskId} failed", taskId);
            task.Fail("PDF:en kunde inte skapas. Försök igen, och kontakta förvaltningens support om felet kvarstår.", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
