using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Jobs;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Keeps the work a use case hands to the job engine and runs it on request, in this process. The demo seeder uses it so
/// that a handling added through the upload use case has its text extracted (and is found by search) before the portal
/// answers, also where no job server runs. A job that hands work on (the text extraction has the notes on earlier versions
/// moved) hands it here too, and that runs in the same <see cref="RunAllAsync"/>.
/// </summary>
internal sealed class InlineJobScheduler : IJobScheduler
{
    private readonly List<Func<IServiceProvider, Task>> _work = [];

    public string Enqueue<TJob>(Expression<Func<TJob, Task>> work)
        where TJob : notnull
    {
        var run = work.Compile();
        _work.Add(services => run(HandsWorkOn(typeof(TJob))
            ? ActivatorUtilities.CreateInstance<TJob>(services, this)
            : services.GetRequiredService<TJob>()));
        return _work.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs what was enqueued, in order, each job in a scope of its own as the job engine would, until nothing is left.</summary>
    public async Task RunAllAsync(IServiceScopeFactory scopes)
    {
        while (_work.Count > 0)
        {
            var run = _work[0];
            _work.RemoveAt(0);
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider);
        }
    }

    private static bool HandsWorkOn(Type job) =>
        job.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IJobScheduler)));
}
