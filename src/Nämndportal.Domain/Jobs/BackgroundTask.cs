using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Jobs;

/// <summary>
/// What the user sees of a long piece of work (a PDF pack, an import): its progress and its outcome.
/// The job engine runs the work; this record is the user's view of it and survives restarts.
/// </summary>
public sealed class BackgroundTask : Entity
{
    private BackgroundTask()
    {
        Kind = string.Empty;
        Title = string.Empty;
    }

    public BackgroundTask(string kind, string title, Guid? requestedByUserId)
    {
        Kind = kind;
        Title = title;
        RequestedByUserId = requestedByUserId;
        Status = BackgroundTaskStatus.Queued;
    }

    public string Kind { get; private set; }

    public string Title { get; private set; }

    public Guid? RequestedByUserId { get; private set; }

    public BackgroundTaskStatus Status { get; private set; }

    public int ProgressPercent { get; private set; }

    public string? ProgressText { get; private set; }

    /// <summary>How many times the engine has started this work (more than one after a crash or restart).</summary>
    public int Attempts { get; private set; }

    public string? ErrorMessage { get; private set; }

    public Guid? ResultFileId { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public void Start(DateTimeOffset now)
    {
        if (Status == BackgroundTaskStatus.Succeeded)
        {
            throw new DomainException("Jobbet är redan klart.");
        }

        Status = BackgroundTaskStatus.Running;
        Attempts++;
        StartedAt = now;
        ProgressPercent = 0;
        ErrorMessage = null;
    }

    public void ReportProgress(int percent, string text)
    {
        if (Status != BackgroundTaskStatus.Running)
        {
            throw new DomainException("Jobbet körs inte.");
        }

        ProgressPercent = Math.Clamp(percent, 0, 100);
        ProgressText = text;
    }

    public void Succeed(Guid? resultFileId, DateTimeOffset now)
    {
        Status = BackgroundTaskStatus.Succeeded;
        ProgressPercent = 100;
        ProgressText = "Klart";
        ResultFileId = resultFileId;
        FinishedAt = now;
    }

    /// <param name="userMessage">A Swedish message that names no secret material.</param>
    public void Fail(string userMessage, DateTimeOffset now)
    {
        Status = BackgroundTaskStatus.Failed;
        ErrorMessage = userMessage;
        FinishedAt = now;
    }
}
