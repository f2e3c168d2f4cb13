using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

/// <summary>
/// The portal's execution strategy (issue 14, "omförsök"): a lost connection is retried where a retry is safe, a single
/// query or a plain SaveChanges, and never inside a transaction the code began, where a retry of the failed statement
/// alone would save half of the unit. The connection is lost the way a PostgreSQL restart loses it: its backend ends.
/// </summary>
public class RetryOutsideTransactionsTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task A_query_on_a_connection_the_database_dropped_is_retried_on_a_new_one()
    {
        await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        await using var db = Database.CreateContext();
        (await db.Organs.CountAsync()).ShouldBe(1);

        // The pooled connection the context used is now idle in the pool; the server ends it behind the pool's back.
        (await TerminateOtherBackendsAsync()).ShouldBeGreaterThan(0);

        (await db.Organs.CountAsync()).ShouldBe(1, "the strategy retried on a fresh connection");
        db.Database.CreateExecutionStrategy().ShouldBeOfType<RetryOutsideTransactionsExecutionStrategy>();
    }

    [Fact]
    public async Task A_plain_save_on_a_dropped_connection_is_retried_whole()
    {
        await using var db = Database.CreateContext();
        (await db.Organs.CountAsync()).ShouldBe(0);
        await TerminateOtherBackendsAsync();

        db.Organs.Add(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN"));
        db.Organs.Add(new Organ("Kultur- och fritidsnämnden", "KFN", OrganKind.Namnd, "KFN"));
        await db.SaveChangesAsync();

        await using var check = Database.CreateContext();
        (await check.Organs.Select(o => o.ShortName).OrderBy(n => n).ToListAsync()).ShouldBe(["BN", "KFN"]);
    }

    [Fact]
    public async Task Inside_a_transaction_a_lost_connection_fails_the_unit_and_nothing_of_it_is_saved()
    {
        await using var db = Database.CreateContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Organs.Add(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN"));
            await db.SaveChangesAsync();

            // PostgreSQL goes away between the unit's two writes: its first write is rolled back with the connection.
            await TerminateOtherBackendsAsync();
            db.Organs.Add(new Organ("Kultur- och fritidsnämnden", "KFN", OrganKind.Namnd, "KFN"));
            var failure = await Should.ThrowAsync<Exception>(() => db.SaveChangesAsync());
            TransientDatabaseFailure.Is(failure).ShouldBeTrue(failure.ToString());
        }

        await using var check = Database.CreateContext();
        (await check.Organs.CountAsync()).ShouldBe(0, "neither half of the unit is saved: a retry of the second write alone would have saved it");
    }

    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: the server is stopping
    [InlineData("57P03", true)] // cannot_connect_now: the server is starting
    [InlineData("53100", true)] // disk_full
    [InlineData("53300", true)] // too_many_connections
    [InlineData("23505", false)] // unique_violation: an answer about the data
    [InlineData("40P01", false)] // deadlock: its own handling
    public void Which_failures_are_the_database_being_away(string sqlState, bool transient)
    {
        var failure = new DbUpdateException("save failed", new PostgresException("failure", "ERROR", "ERROR", sqlState));
        TransientDatabaseFailure.Is(failure).ShouldBe(transient);
        TransientDatabaseFailure.Describe(failure).ShouldBe("SQLSTATE " + sqlState);
    }

    [Fact]
    public void A_socket_failure_outside_the_database_is_not_the_database_being_away()
    {
        // The mail server or Chromium being unreachable must not read as "tillfälligt fel i databasen".
        TransientDatabaseFailure.Is(new InvalidOperationException("send failed", new System.Net.Sockets.SocketException(111))).ShouldBeFalse();
        TransientDatabaseFailure.Is(new NpgsqlException("connect failed", new System.Net.Sockets.SocketException(111))).ShouldBeTrue();
    }

    /// <summary>Ends every other session of the test database (the pool's idle connections too), as a restart does.</summary>
    private async Task<long> TerminateOtherBackendsAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return (long)(await kill.ExecuteScalarAsync())!;
    }
}
