using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Samples;

/// <summary>Starts the sample PDF as a background job and returns the task whose progress the user watches.</summary>
public sealed class StartSamplePdfHandler(IAppDbContextFactory dbFactory, ICurrentUser user, IJobScheduler jobs)
{
    public const string Kind = "sample-pdf";

    public async Task<Result<Guid>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || !(user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Secretary)))
        {
            return Error.Forbidden();
        }

        var task = new BackgroundTask(Kind, "Provutskrift av kallelse (PDF)", user.UserId);
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            db.BackgroundTasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
        }

        jobs.Enqueue<RenderSamplePdfJob>(job => job.RunAsync(task.Id, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }
}
