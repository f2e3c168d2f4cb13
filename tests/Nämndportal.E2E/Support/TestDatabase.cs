using Npgsql;

namespace Nämndportal.E2E.Support;

/// <summary>The E2E tests' databases, on the PostgreSQL that ./dev.sh test starts (NP_TEST_POSTGRES).</summary>
internal static class TestDatabase
{
    public static string Server =>
        Environment.GetEnvironmentVariable("NP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "NP_TEST_POSTGRES is not set. Run the end-to-end tests with ./dev.sh test, which starts a private PostgreSQL and sets it.");

    public static async Task<string> RecreateAsync(string name)
    {
        // Several checkouts may test against one cluster at once (NP_TEST_DB_SUFFIX keeps their databases apart).
        name += Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }
}
