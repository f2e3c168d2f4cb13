using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>Gives the use cases a fresh <see cref="AppDbContext"/> per operation.</summary>
public sealed class AppDbContextFactory(IDbContextFactory<AppDbContext> inner) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
