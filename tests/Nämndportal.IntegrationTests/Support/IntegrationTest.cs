using Nämndportal.Domain.Common;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>Base of the database tests: each starts from empty tables.</summary>
[Collection(DatabaseGroup.Name)]
public abstract class IntegrationTest(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task<T> InsertAsync<T>(T entity)
        where T : Entity
    {
        await using var db = Database.CreateContext();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    /// <summary>A login account (user name and e-mail <paramref name="name"/>@exempelby.se unless it holds an @), for a person or an official to point to.</summary>
    protected async Task<Guid> CreateUserAsync(string name)
    {
        var email = name.Contains('@', StringComparison.Ordinal) ? name : $"{name}@exempelby.se";
        await using var db = Database.CreateContext();
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = email, Email = email, NormalizedUserName = email.ToUpperInvariant(),
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A login account and the signed-in user holding it, in one role.</summary>
    protected async Task<TestUser> CreateUserAsync(string name, string role) => new(await CreateUserAsync(name), name, role);
}
