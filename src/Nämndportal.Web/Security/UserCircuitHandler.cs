using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Nämndportal.Web.Security;

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser, IHttpContextAccessor httpContextAccessor)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        currentUser.SetCircuitAddress(httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.SetCircuitUser(state.User);
    }

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task) => _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        currentUser.SetCircuitUser(state.User);
    }
}
