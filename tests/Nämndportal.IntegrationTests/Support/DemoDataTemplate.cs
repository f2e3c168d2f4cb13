using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Nämndportal.Infrastructure;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.Infrastructure.Seeding;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>
/// The demo data, seeded once per test run by the real <see cref="DatabaseInitializer"/> and <see cref="DemoDataSeeder"/>
/// into a database of its own, and kept as the rows of each table of the portal's schema. A test whose tables are empty
/// when it starts a portal gets these rows copied in (COPY, binary) instead of seeding again for seconds: the same rows
/// the seeder would write on the same day. The seeder's own tests and a test that inserted rows first seed for real.
/// </summary>
internal static class DemoDataTemplate
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static Snapshot? _snapshot;

    /// <summary>Copies the demo data into the test database if its tables are all empty; false if they were not.</summary>
    public static async Task<bool> TryRestoreAsync(DatabaseFixture database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = await TablesAsync(connection);
        if (!await AllEmptyAsync(connection, tables))
        {
            return false;
        }

        var snapshot = await SnapshotAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Replica mode skips triggers for this session only: foreign keys are checked by triggers, and the rows are
        // copied table by table in no particular order (they were consistent where they came from).
        await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica");
        foreach (var table in snapshot.Tables)
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table.Name} ({table.Columns}) FROM STDIN (FORMAT BINARY)");
            await copy.WriteAsync(table.Rows);
        }

        foreach (var (sequence, value) in snapshot.Sequences)
        {
            await using var setval = new NpgsqlCommand("SELECT setval(@sequence::regclass, @value, true)", connection);
            setval.Parameters.AddWithValue("sequence", sequence);
            setval.Parameters.AddWithValue("value", value);
            await setval.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    private static async Task<Snapshot> SnapshotAsync()
    {
        await Lock.WaitAsync();
        try
        {
            return _snapshot ??= await CreateSnapshotAsync();
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task<Snapshot> CreateSnapshotAsync()
    {
        var connectionString = await TestDatabase.RecreateAsync("naemndportal_it_demo");
        // Migrated before the portal is built, as the test database is (the portal reads its key ring at start).
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureNpgsql(options, connectionString);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        await using (var factory = new PortalFactory(connectionString, new Dictionary<string, string?>()))
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<TableRows>();
        // The data protection key ring is the portal's, not demo data: each test's portal makes its own, as before.
        foreach (var table in (await TablesAsync(connection)).Where(t => t != "data_protection_keys"))
        {
            var columns = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                connection))
            {
                list.Parameters.AddWithValue("table", table);
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            var columnList = string.Join(", ", columns);
            using var rows = new MemoryStream();
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columnList}) TO STDOUT (FORMAT BINARY)"))
            {
                await copy.CopyToAsync(rows);
            }

            tables.Add(new TableRows(table, columnList, rows.ToArray()));
        }

        var sequences = new List<(string, long)>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sequences.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new Snapshot(tables, sequences);
    }

    /// <summary>The tables of the portal's own schema, as <see cref="DatabaseFixture.ResetAsync"/> empties them.</summary>
    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history' ORDER BY tablename", connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<bool> AllEmptyAsync(NpgsqlConnection connection, List<string> tables)
    {
        if (tables.Count == 0)
        {
            return false;
        }

        await using var any = new NpgsqlCommand(
            "SELECT " + string.Join(" OR ", tables.Select(t => $"EXISTS (SELECT 1 FROM {t})")), connection);
        return !(bool)(await any.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record TableRows(string Name, string Columns, byte[] Rows);

    private sealed record Snapshot(List<TableRows> Tables, List<(string Sequence, long Value)> Sequences);
}
