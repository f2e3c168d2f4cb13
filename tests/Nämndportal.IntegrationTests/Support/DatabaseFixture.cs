using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>One database for the integration tests, created fresh and migrated with the committed migrations.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.RecreateAsync("naemndportal_it");
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureNpgsql(options, ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>Empties every table of the portal's own schema (not the migrations history, not Hangfire's schema).</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count > 0)
        {
            // Replica mode skips triggers for this session only: the audit trail's append-only trigger would
            // (rightly) refuse the truncate between tests.
            await using var truncate = new NpgsqlCommand(
                $"SET session_replication_role = replica; TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE; SET session_replication_role = origin;", connection);
            await truncate.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseGroup : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}
