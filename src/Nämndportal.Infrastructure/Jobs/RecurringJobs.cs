using Hangfire;
using Microsoft.Extensions.Hosting;
using Nämndportal.Application.Meetings;

namespace Nämndportal.Infrastructure.Jobs;

/// <summary>
/// Registers the recurring jobs with the job engine at start-up (only where a job server runs). Registering is
/// idempotent: every instance may do it, and the engine runs each occurrence once.
/// </summary>
internal sealed class RecurringJobs(IRecurringJobManager manager, Microsoft.Extensions.Options.IOptions<JobOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // 03.15 Stockholm time, when nobody prints a kallelse.
        manager.AddOrUpdate<SweepPackPartsJob>(
            SweepPackPartsJob.RecurringId, job => job.RunAsync(CancellationToken.None), "15 3 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm") });

        // 00.05 Stockholm time: an anslag whose last day was yesterday comes down (never earlier, rule 16).
        manager.AddOrUpdate<Application.NoticeBoard.TakeDownPostingsJob>(
            Application.NoticeBoard.TakeDownPostingsJob.RecurringId, job => job.RunAsync(CancellationToken.None), options.Value.TakeDownSchedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm") });

        // 07.00 Stockholm time: reminders of due dates in the follow-up, in the morning's mail.
        manager.AddOrUpdate<Application.Audit.DueDateRemindersJob>(
            Application.Audit.DueDateRemindersJob.RecurringId, job => job.RunAsync(CancellationToken.None), "0 7 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm") });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
