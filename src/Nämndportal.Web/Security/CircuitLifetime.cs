using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Nämndportal.Web.Security;

/// <summary>
/// Knows when the circuit has closed (the user navigated away or closed the tab). Work still running for its
/// page then fails on the circuit's disposed services; that is the page going away, not an error to report.
/// </summary>
public sealed class CircuitLifetime : CircuitHandler
{
    public bool IsClosed { get; private set; }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsClosed = true;
        return base.OnCircuitClosedAsync(circuit, cancellationToken);
    }
}
