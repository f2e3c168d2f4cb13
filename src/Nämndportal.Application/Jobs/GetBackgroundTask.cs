using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Jobs;

public sealed record BackgroundTaskView(
    Guid Id, string Title, BackgroundTaskStatus Status, int ProgressPercent, string? ProgressText, string? ErrorMessage, Guid? ResultFileId, int Attempts);

/// <summary>The progress of a background task, for the user who started it (or an administrator).</summary>
public sealed class GetBackgroundTaskHandler(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<Result<BackgroundTaskView>> HandleAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var task = await db.BackgroundTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || !(user.IsInRole(Roles.Administrator) || (user.UserId is { } id && task.RequestedByUserId == id)))
        {
            return Error.NotFound("Jobbet");
        }

        return Result<BackgroundTaskView>.Ok(new BackgroundTaskView(
            task.Id, task.Title, task.Status, task.ProgressPercent, task.ProgressText, task.ErrorMessage, task.ResultFileId, task.Attempts));
    }
}
