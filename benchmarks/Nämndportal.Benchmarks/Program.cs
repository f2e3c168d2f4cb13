using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Benchmarks;

// Usage: dotnet Nämndportal.Benchmarks.dll search | pack-assembly | kallelse-pack | reader | protokoll
// NP_TEST_POSTGRES: the server (no database), as for the tests. NP_BENCH_KEEP=1 keeps the database afterwards and
// reuses it on the next run (for tuning; the recorded figure always comes from a fresh database).
CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
if (args is ["protokoll"])
{
    return await MinutesBenchmark.RunAsync();
}

if (args is ["pack-assembly"])
{
    return await PackAssemblyBenchmark.RunAsync();
}

if (args is ["kallelse-pack"])
{
    var kallelseServer = Environment.GetEnvironmentVariable("NP_TEST_POSTGRES");
    if (string.IsNullOrWhiteSpace(kallelseServer))
    {
        Console.Error.WriteLine("NP_TEST_POSTGRES is not set: run ./dev.sh bench kallelse-pack, which starts PostgreSQL and sets it.");
        return 1;
    }

    return await KallelsePackBenchmark.RunAsync(kallelseServer);
}

if (args is ["soak"])
{
    var soakServer = Environment.GetEnvironmentVariable("NP_TEST_POSTGRES");
    if (string.IsNullOrWhiteSpace(soakServer))
    {
        Console.Error.WriteLine("NP_TEST_POSTGRES is not set: run ./dev.sh bench soak, which starts PostgreSQL and sets it.");
        return 1;
    }

    return await SoakBenchmark.RunAsync(soakServer);
}

if (args is ["reader"])
{
    var readerServer = Environment.GetEnvironmentVariable("NP_TEST_POSTGRES");
    if (string.IsNullOrWhiteSpace(readerServer))
    {
        Console.Error.WriteLine("NP_TEST_POSTGRES is not set: run ./dev.sh bench reader, which starts PostgreSQL and sets it.");
        return 1;
    }

    return await ReaderBenchmark.RunAsync(readerServer);
}

if (args.Length != 1 || args[0] != "search")
{
    Console.Error.WriteLine("usage: Nämndportal.Benchmarks search");
    return 2;
}

var server = Environment.GetEnvironmentVariable("NP_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("NP_TEST_POSTGRES is not set: run ./dev.sh bench search, which starts PostgreSQL and sets it.");
    return 1;
}

var keep = Environment.GetEnvironmentVariable("NP_BENCH_KEEP") == "1";
var name = "naemndportal_bench_search" + Environment.GetEnvironmentVariable("NP_TEST_DB_SUFFIX");
var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, CommandTimeout = 0 }.ConnectionString;
var factory = new BenchDbContextFactory(connectionString);

var total = Stopwatch.StartNew();
SearchPeople? people = keep ? await ReuseAsync() : null;
if (people is null)
{
    Console.WriteLine($"Skapar databasen {name} och kör migreringarna");
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
    await using (var db = factory.Create())
    {
        await db.Database.MigrateAsync();
    }

    Console.WriteLine($"Genererar {SearchData.CaseCount:N0} ärenden och {SearchData.PageCount:N0} sidor text");
    people = await new SearchData(factory.Create, connectionString).GenerateAsync();
    await ExecuteAsync(connectionString,
        $"CREATE TABLE bench_people (member uuid, registrar uuid, organ uuid); INSERT INTO bench_people VALUES ('{people.MemberUserId}', '{people.RegistrarUserId}', '{people.MemberOrganId}')");
}

await ReportSizeAsync();
double p95;
try
{
    p95 = await new SearchBenchmark(factory, connectionString, people).RunAsync();
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (!keep)
    {
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

Console.WriteLine($"Total tid {total.Elapsed:mm\\:ss}; maskin: {Environment.ProcessorCount} kärnor, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search: {p95:F1} ms"));
return 0;

async Task<SearchPeople?> ReuseAsync()
{
    try
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT member, registrar, organ FROM bench_people", connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            Console.WriteLine($"Återanvänder databasen {name} (NP_BENCH_KEEP=1)");
            return new SearchPeople(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2));
        }
    }
    catch (PostgresException)
    {
    }

    return null;
}

async Task ReportSizeAsync()
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("""
        SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_documents), (SELECT coalesce(sum(page_count), 0) FROM document_texts),
               (SELECT count(*) FROM officer_reports), pg_size_pretty(pg_database_size(current_database()))
        """, connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"Data: {reader.GetInt64(0):N0} ärenden, {reader.GetInt64(1):N0} handlingar, {reader.GetInt64(2):N0} sidor text, {reader.GetInt64(3):N0} tjänsteskrivelser; databasen {reader.GetString(4)}");
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}
