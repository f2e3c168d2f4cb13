using System.Linq.Expressions;

namespace Nämndportal.Application.Jobs;

/// <summary>Hands work to the persistent job engine, so it survives a restart of the app.</summary>
public interface IJobScheduler
{
    string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
        where TJob : notnull;
}
