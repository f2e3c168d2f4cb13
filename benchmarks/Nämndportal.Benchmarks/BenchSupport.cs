using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Benchmarks;

/// <summary>The user a benchmark acts as.</summary>
internal sealed class BenchUser(Guid userId, string userName, params string[] roles) : ICurrentUser
{
    public Guid? UserId { get; } = userId;

    public string? UserName { get; } = userName;

    public bool IsAuthenticated => true;

    public string? RemoteAddress => "127.0.0.1";

    public bool IsInRole(string role) => roles.Contains(role);
}

/// <summary>A fresh context per operation, configured as the portal configures it.</summary>
internal sealed class BenchDbContextFactory(string connectionString) : IAppDbContextFactory
{
    public Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<IAppDbContext>(Create());

    public AppDbContext Create()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureNpgsql(options, connectionString);
        return new AppDbContext(options.Options);
    }
}
