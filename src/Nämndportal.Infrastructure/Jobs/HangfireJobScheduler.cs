using System.Linq.Expressions;
using Hangfire;
using Nämndportal.Application.Jobs;

namespace Nämndportal.Infrastructure.Jobs;

/// <summary>Enqueues work in Hangfire, whose queue lives in PostgreSQL (schema "hangfire").</summary>
public sealed class HangfireJobScheduler(IBackgroundJobClient client) : IJobScheduler
{
    public string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
        where TJob : notnull => client.Enqueue(work);
}
