using Nämndportal.Domain.Common;

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
}
