namespace Nämndportal.Domain.Jobs;

public enum BackgroundTaskStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
