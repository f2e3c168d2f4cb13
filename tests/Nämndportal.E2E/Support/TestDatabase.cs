using Npgsql;

namespace Nämndportal.E2E.Support;

/// <summary>The E2E tests' databases, on the PostgreSQL that ./dev.sh test starts (NP_TEST_POSTGRES).</summary>
internal static class TestDatabase
{
    private const string DemoTemplateName = "naemndportal_e2e_template";

    // Built at most once per test run, by the first journey that asks for a copy.
    private static readonly Lazy<Task<string>> DemoTemplate = new(CreateDemoTemplateAsync);

    public static string Server =>
        Environment.GetEnvironmentVariable("NP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "NP_TEST_POSTGRES is not set. Run the end-to-end tests with ./dev.sh test, which starts a private PostgreSQL and sets it.");

    public static async Task<string> RecreateAsync(string name) => await RecreateAsync(name, template: null);

    /// <summary>
    /// A fresh database holding what a newly started portal holds: migrated and seeded with the demo data (the kallelser
    /// not sent), copied with <c>CREATE DATABASE … TEMPLATE</c> from a database the real portal set up once in this test
    /// run. A portal started on the copy finds the demo data seeded and starts in seconds instead of migrating and
    /// seeding for a minute and more; each journey still has a database of its own that no other test touches.
    /// </summary>
    public static async Task<string> CopyOfDemoAsync(string name) => await RecreateAsync(name, await DemoTemplate.Value);

    private static async Task<string> RecreateAsync(string name, string? template)
    {
        // Several checkouts may test against one cluster at once (NP_TEST_DB_SUFFIX keeps their databases apart).
        name += Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
        // Creating and dropping a database waits for a checkpoint, which on a loaded machine can take longer than 30 s.
        var admin = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", CommandTimeout = 180 };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            if (template is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            else
            {
                await CopyAsync(connection, template, name);
            }
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Migrates and seeds the template with the real portal, as an own-portal journey's start would, then stops it.</summary>
    private static async Task<string> CreateDemoTemplateAsync()
    {
        var connectionString = await RecreateAsync(DemoTemplateName, template: null);
        // No job server: nothing runs in the template after seeding (the seeder runs its own work inline), and the copies'
        // portals start their job servers on a database no job has touched.
        await using (await AppProcess.StartAsync(connectionString, new Dictionary<string, string> { ["Jobs:RunServer"] = "false" }))
        {
            // Ready means migrated and seeded; disposing stops the app.
        }

        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string template, string name)
    {
        // PostgreSQL copies a template only while nobody is connected to it: the stopped template portal's sessions may
        // take a moment to end, so they are ended here and the copy is tried again.
        for (var attempt = 1; ; attempt++)
        {
            await using (var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @template AND pid <> pg_backend_pid()", connection))
            {
                terminate.Parameters.AddWithValue("template", template);
                await terminate.ExecuteNonQueryAsync();
            }

            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
