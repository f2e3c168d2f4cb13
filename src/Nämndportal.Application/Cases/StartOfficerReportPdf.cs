using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Cases;

/// <summary>Print a case's saved tjänsteskrivelse to PDF in the background; the PDF belongs to the user who asked.</summary>
public sealed record StartOfficerReportPdf(Guid CaseId);

/// <summary>Starts <see cref="RenderOfficerReportPdfJob"/> and returns the task whose progress the user watches.</summary>
public sealed class StartOfficerReportPdfHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IJobScheduler jobs)
{
    public const string Kind = "officer-report-pdf";

    public async Task<Result<Guid>> HandleAsync(StartOfficerReportPdf request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        if (!await db.OfficerReports.AnyAsync(r => r.CaseId == @case.Id, cancellationToken))
        {
            return Error.Invalid("Spara tjänsteskrivelsen innan du skapar en PDF av den.");
        }

        var task = new BackgroundTask(Kind, $"Tjänsteskrivelse {@case.Number} (PDF)", user.UserId);
        db.BackgroundTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);

        jobs.Enqueue<RenderOfficerReportPdfJob>(job => job.RunAsync(task.Id, @case.Id, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }
}
