using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Jobs;

/// <summary>
/// One run of a background job on its <see cref="BackgroundTask"/>: the start (nothing to do for a task that is gone or
/// already succeeded, so a job may be run again after a crash), the progress the page shows, and the failure recorded
/// with a message for the user before the job engine sees the exception and retries.
/// </summary>
/// <param name="what">How the log names the job, e.g. "Kallelse pack draft".</param>
public sealed class BackgroundTaskRun(IAppDbContext db, BackgroundTask task, TimeProvider clock, ILogger logger, string what)
{
    public BackgroundTask Task => task;

    /// <summary>Loads the task and marks it started (one more attempt); null when there is nothing to do.</summary>
    public static async Task<BackgroundTaskRun?> StartAsync(
        IAppDbContext db, Guid taskId, TimeProvider clock, ILogger logger, string what, CancellationToken cancellationToken)
    {
        var task = await db.BackgroundTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.Status == BackgroundTaskStatus.Succeeded)
        {
            return null;
        }

        task.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{What} task {TaskId} started, attempt {Attempt}", what, taskId, task.Attempts);
        return new BackgroundTaskRun(db, task, clock, logger, what);
    }

    /// <summary>Saves the progress; <paramref name="percent"/> is kept at or below <paramref name="cap"/> until the task succeeds.</summary>
    public async Task ReportAsync(int percent, string text, CancellationToken cancellationToken, int cap = 99)
    {
        task.ReportProgress(Math.Min(percent, cap), text);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records success (with the produced file, if any) and saves.</summary>
    public async Task SucceedAsync(Guid? resultFileId, CancellationToken cancellationToken)
    {
        task.Succeed(resultFileId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records the failure with <paramref name="message"/> for the user (never the exception's text) and saves whatever
    /// happens to the run; logs <paramref name="exception"/> as an error when there is one. The caller rethrows.
    /// </summary>
    public async Task FailAsync(string message, Exception? exception = null)
    {
        if (exception is not null)
        {
            logger.LogError(exception, "{What} task {TaskId} failed", what, task.Id);
        }

        task.Fail(message, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
