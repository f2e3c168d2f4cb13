using System.Linq.Expressions;
using Nämndportal.Application.Jobs;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>Keeps what would have been handed to the job engine, so a test can run the job itself.</summary>
public sealed class RecordingJobScheduler : IJobScheduler
{
    public List<string> Enqueued { get; } = [];

    public string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
        where TJob : notnull
    {
        Enqueued.Add($"{typeof(TJob).Name}: {work}");
        return Enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
