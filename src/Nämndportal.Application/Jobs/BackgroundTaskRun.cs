using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Jobs;

/// <summary>
/// One run of a background job on its <see cref="BackgroundTask"/>: the start (nothing to do for a task that is gone or
/// already succeeded, so a job may be run again after a crash), the progress the page shows, and the failure recorded
/// with a message for the user before the job engine sees the exception and retries. A run holds the task for as long as
/// it lives (<see cref="IAppDbContext.TryHoldAsync"/>): a second run of the same task at the same time, on any instance,
/// does not start but throws <see cref="TaskRunningElsewhereException"/>, so the job engine tries it again later, when
/// it finds the task done or its holder gone.
/// </summary>
/// <param name="what">How the log names the job, e.g. "Kallelse pack draft".</param>
public sealed class BackgroundTaskRun(IAppDbContext db, BackgroundTask task, TimeProvider clock, ILogger logger, string what, IAsyncDisposable hold)
    : IAsyncDisposable
{
    public BackgroundTask Task => task;

    /// <summary>
    /// Holds the task, loads it and marks it started (one more attempt); null when there is nothing to do. Dispose the run
    /// to let go of the task.
    /// </summary>
    /// <exception cref="TaskRunningElsewhereException">Another run holds the task now.</exception>
    public static async Task<BackgroundTaskRun?> StartAsync(
        IAppDbContext db, Guid taskId, TimeProvider clock, ILogger logger, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hold = await db.TryHoldAsync("task:" + taskId.ToString("N"), cancellationToken);
        if (hold is null)
        {
            logger.LogWarning("{What} task {TaskId} is being run by another worker; this run is retried later", what, taskId);
            throw new TaskRunningElsewhereException(taskId);
        }

        try
        {
            var task = await db.BackgroundTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
            if (task is null || task.Status == BackgroundTaskStatus.Succeeded)
            {
                await hold.DisposeAsync();
                return null;
            }

            task.Start(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{What} task {TaskId} started, attempt {Attempt}", what, taskId, task.Attempts);
            return new BackgroundTaskRun(db, task, clock, logger, what, hold);
        }
        catch
        {
            await hold.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => hold.DisposeAsync();

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

/// <summary>A run of a background task found the task held by another run (on this or another instance) and did not start.</summary>
public sealed class TaskRunningElsewhereException(Guid taskId)
    : Exception($"Background task {taskId} is being run by another worker; this run is retried later.");
