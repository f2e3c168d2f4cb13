namespace Nämndportal.Application.Common;

/// <summary>
/// Creates a short-lived database context for one operation. A Blazor Server circuit lives for minutes or hours,
/// so no context is kept per circuit.
/// </summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
