using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>The real context and the real audit interceptor, for a given user and clock.</summary>
public sealed class TestDbContextFactory(DatabaseFixture database, ICurrentUser user, TimeProvider clock) : IAppDbContextFactory
{
    public Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<IAppDbContext>(Create());

    public AppDbContext Create()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureNpgsql(options, database.ConnectionString);
        options.AddInterceptors(new AuditFieldsInterceptor(user, clock), new AuditTrailInterceptor(user, clock));
        return new AppDbContext(options.Options);
    }
}
