using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.NoticeBoard;

/// <summary>
/// Takes down the anslag whose last day has passed, once a day just after midnight (Stockholm), and records it: the
/// notice leaves the current board and stays as history. Never earlier (rule 16): <see cref="Domain.NoticeBoard.Posting.TakeDown"/>
/// refuses a notice whose last day is today or later, and only those past it are asked. Safe to run twice, and at the
/// same moment on two instances: the run holds the job's lock, so the second waits and finds nothing left to take down.
/// </summary>
public sealed class TakeDownPostingsJob(IAppDbContextFactory dbFactory, TimeProvider clock, IPublicPageCache publicPages, ILogger<TakeDownPostingsJob> logger)
{
    /// <summary>The recurring job's id in the job engine.</summary>
    public const string RecurringId = "anslag-take-down";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SwedishTime.LocalDate(now);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockJobAsync(RecurringId, cancellationToken);
        var due = await db.Postings
            .Where(p => p.DownOn < today && p.TakenDownAt == null && p.ReplacedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var posting in due)
        {
            posting.TakeDown(today, now, "anslagstavlan (automatiskt)");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Always, even with nothing taken down: the job runs as the date turns, and the board is a page of today's anslag.
        await publicPages.EvictAsync(cancellationToken);
        logger.LogInformation("Took down {Count} anslag whose last day was before {Today:yyyy-MM-dd}", due.Count, today);
        return due.Count;
    }
}
