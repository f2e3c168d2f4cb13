using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Reader;

/// <summary>Print all the signed-in user's own notes to one PDF, in the background.</summary>
public sealed record ExportMyNotes;

/// <summary>Starts <see cref="ExportMyNotesJob"/> and returns the task whose progress the user watches; the PDF is theirs alone.</summary>
public sealed class ExportMyNotesHandler(IAppDbContextFactory dbFactory, AccessService access, IJobScheduler jobs)
{
    public const string Kind = "member-notes-pdf";

    public async Task<Result<Guid>> HandleAsync(ExportMyNotes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        if (grants.UserId is not { } me)
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var task = new BackgroundTask(Kind, "Mina anteckningar (PDF)", me);
        db.BackgroundTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);

        jobs.Enqueue<ExportMyNotesJob>(job => job.RunAsync(task.Id, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }
}
