using Npgsql;
using Testcontainers.PostgreSql;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>
/// Where the tests' PostgreSQL comes from: NP_TEST_POSTGRES (set by ./dev.sh test, pointing at the private
/// cluster), else a Testcontainers PostgreSQL when a Docker engine runs, else a clear failure.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "NP_TEST_POSTGRES";

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? _server;
    private static PostgreSqlContainer? _container;

    public static async Task<string> ServerConnectionStringAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (_server is not null)
            {
                return _server;
            }

            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return _server = fromEnvironment;
            }

            try
            {
                _container = new PostgreSqlBuilder("postgres:15").Build();
                await _container.StartAsync();
                var builder = new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { Database = null };
                return _server = builder.ConnectionString;
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"No PostgreSQL for the tests: {EnvironmentVariable} is not set and no Docker engine answered ({ex.GetType().Name}). "
                    + "Run the tests with ./dev.sh test, which starts a private cluster and sets it, or set "
                    + $"{EnvironmentVariable}=\"Host=...;Port=...;Username=...;Password=...\" yourself.", ex);
            }
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>Drops and creates a database for one test run, returning its connection string.</summary>
    public static async Task<string> RecreateAsync(string name)
    {
        // Several checkouts may test against one cluster at once (NP_TEST_DB_SUFFIX keeps their databases apart).
        name += Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        var server = await ServerConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }
}
