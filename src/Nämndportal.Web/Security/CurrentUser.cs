using System.Security.Claims;
using Nämndportal.Application.Common;

namespace Nämndportal.Web.Security;

/// <summary>
/// The signed-in user for the use cases. In an HTTP request it reads HttpContext.User; in a Blazor circuit
/// (where HttpContext is gone after the first render) <see cref="UserCircuitHandler"/> sets the circuit's user.
/// In a background job neither exists and the user is anonymous ("system" in audit columns).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? _circuitUser;
    private string? _circuitAddress;

    public ClaimsPrincipal Principal => _circuitUser ?? httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => IsAuthenticated ? Principal.Identity?.Name : null;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? RemoteAddress => _circuitAddress ?? httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;

    /// <summary>The address of the circuit's connection, kept because HttpContext is gone once the circuit runs.</summary>
    internal void SetCircuitAddress(string? address) => _circuitAddress ??= address;
}
