using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Web.Security;

namespace Nämndportal.Web.Components.Shared;

/// <summary>Catches a component's failure, logs it under an error id and shows the id (never the exception) to the user.</summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;

    [Inject] private CircuitLifetime Circuit { get; set; } = default!;

    public string? ErrorId { get; private set; }

    /// <summary>The failure was the database being away (<see cref="TransientDatabaseFailure"/>): worth trying again soon.</summary>
    public bool DatabaseUnavailable { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        if (Circuit.IsClosed && exception is ObjectDisposedException or OperationCanceledException)
        {
            // The user left the page while it was loading: its circuit and services are gone, nobody sees this.
            Logger.LogDebug("A page's work ended with its circuit: {Exception}", exception.GetType().Name);
            return Task.CompletedTask;
        }

        ErrorId = Guid.NewGuid().ToString("N")[..12];
        DatabaseUnavailable = TransientDatabaseFailure.Is(exception);
        if (DatabaseUnavailable)
        {
            // The database away (issue 14): the page says "tillfälligt fel"; the log names the kind of failure, not its message.
            Logger.LogWarning("The database is unavailable ({Failure}) for a page, error id {ErrorId}", TransientDatabaseFailure.Describe(exception), ErrorId);
            return Task.CompletedTask;
        }

        Logger.LogError(exception, "Unhandled error in a page, error id {ErrorId}", ErrorId);
        return Task.CompletedTask;
    }
}
