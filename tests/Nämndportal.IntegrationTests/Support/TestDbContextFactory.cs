using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>
/// The real context and the real audit interceptor, for a given user and clock; a test may add interceptors of its own
/// (to hold a save at a rendezvous, or to look at the database at a chosen moment).
/// </summary>
public sealed class TestDbContextFactory(DatabaseFixture database, ICurrentUser user, TimeProvider clock, params IInterceptor[] interceptors) : IAppDbContextFactory
{
    public Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<IAppDbContext>(Create());

    public AppDbContext Create()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureNpgsql(options, database.ConnectionString);
        options.AddInterceptors(new AuditFieldsInterceptor(user, clock), new AuditTrailInterceptor(user, clock));
        options.AddInterceptors(interceptors);
        return new AppDbContext(options.Options);
    }
}
