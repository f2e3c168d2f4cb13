using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Jobs;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Keeps the work a use case hands to the job engine and runs it on request, in this process. The demo seeder uses it so
/// that a handling added through the upload use case has its text extracted (and is found by search) before the portal
/// answers, also where no job server runs.
/// </summary>
internal sealed class InlineJobScheduler : IJobScheduler
{
    private readonly List<Func<IServiceProvider, Task>> _work = [];

    public string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
        where TJob : notnull
    {
        var run = work.Compile();
        _work.Add(services => run(services.GetRequiredService<TJob>()));
        return _work.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs what was enqueued, in order, each job in a scope of its own as the job engine would.</summary>
    public async Task RunAllAsync(IServiceScopeFactory scopes)
    {
        var work = _work.ToList();
        _work.Clear();
        foreach (var run in work)
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }
    }
}
