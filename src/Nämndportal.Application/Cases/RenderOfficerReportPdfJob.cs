using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Files;
using Nämndportal.Application.Jobs;

namespace Nämndportal.Application.Cases;

/// <summary>
/// The work behind <see cref="StartOfficerReportPdfHandler"/>: reads the tjänsteskrivelse as saved now, prints it in the
/// municipal layout and stores the PDF for the user who asked. Safe to run again from the start after a crash.
/// </summary>
public sealed partial class RenderOfficerReportPdfJob(
    IAppDbContextFactory dbFactory,
    IPdfRenderer renderer,
    IRichTextSanitizer sanitizer,
    TimeProvider clock,
    IOptions<OfficerReportOptions> options,
    ILogger<RenderOfficerReportPdfJob> logger)
{
    public async Task RunAsync(Guid taskId, Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var run = await BackgroundTaskRun.StartAsync(db, taskId, clock, logger, "Officer report PDF", cancellationToken);
        if (run is null)
        {
            return;
        }

        try
        {
            await run.ReportAsync(10, "Tjänsteskrivelsen hämtas", cancellationToken);
            var (model, reportId) = await BuildAsync(db, caseId, cancellationToken);
            if (model is null)
            {
                await run.FailAsync("Tjänsteskrivelsen finns inte längre.");
                return;
            }

            await run.ReportAsync(30, "PDF:en skapas", cancellationToken);
            var layout = model.Layout();
            var pdf = await renderer.RenderAsync(model, layout, cancellationToken);

            run.Task.ReportProgress(90, "PDF:en sparas");
            // Tied to the tjänsteskrivelse, not to the user who asked: whoever may read the report may read its PDF.
            var file = StoredFile.ForOfficerReport(
                $"tjansteskrivelse-{FileSafe().Replace(model.CaseNumber, "-")}.pdf", pdf, run.Task.RequestedByUserId, reportId, caseId);
            db.StoredFiles.Add(file);
            await run.SucceedAsync(file.Id, cancellationToken);
            logger.LogInformation("Officer report PDF task {TaskId} succeeded with {Bytes} bytes", taskId, pdf.Length);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.FailAsync("PDF:en kunde inte skapas. Försök igen, och kontakta förvaltningens support om felet kvarstår.", ex);
            throw;
        }
    }

    private async Task<(OfficerReportDocumentModel? Model, Guid ReportId)> BuildAsync(IAppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var report = await db.OfficerReports.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
        if (@case is null || report is null)
        {
            return (null, Guid.Empty);
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == @case.OrganId, cancellationToken);
        var chosen = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseId == caseId && report.DecisionBasis.Contains(d.Id))
            .OrderBy(d => d.Ordinal)
            .ToListAsync(cancellationToken);
        return (OfficerReportDocumentModel.Build(options.Value.Municipality, organ, @case, report, chosen, sanitizer), report.Id);
    }

    [GeneratedRegex(@"[^0-9A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex FileSafe();
}
