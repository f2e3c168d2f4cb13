using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Nämndportal.Web.Components.Shared;

/// <summary>Catches a component's failure, logs it under an error id and shows the id (never the exception) to the user.</summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;

    public string? ErrorId { get; private set; }

    protected override Task OnErrorAsync(Exception exception)
    {
        ErrorId = Guid.NewGuid().ToString("N")[..12];
        Logger.LogError(exception, "Unhandled error in a page, error id {ErrorId}", ErrorId);
        return Task.CompletedTask;
    }
}
