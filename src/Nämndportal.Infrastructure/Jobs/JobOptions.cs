namespace Nämndportal.Infrastructure.Jobs;

public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this instance runs jobs (every instance may enqueue; some may only serve pages).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// How long a job fetched by an instance that died stays invisible before another takes it. The running
    /// instance keeps extending it (sliding), so only a crash lets it run out.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When the anslag take-down runs, as cron in Stockholm time: 00.05 every day. The several-instance tests set it to
    /// every minute to watch one occurrence run once.
    /// </summary>
    public string TakeDownSchedule { get; set; } = "5 0 * * *";
}
