using Microsoft.EntityFrameworkCore;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

public class MigrationTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Model_and_committed_migrations_agree()
    {
        await using var db = Database.CreateContext();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The EF model differs from the migrations: run `dotnet ef migrations add <Name> -p src/Nämndportal.Infrastructure -s src/Nämndportal.Infrastructure -o Persistence/Migrations`.");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Identity_and_data_protection_tables_live_in_PostgreSQL()
    {
        await using var db = Database.CreateContext();
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'").ToListAsync();
        tables.ShouldContain("users");
        tables.ShouldContain("user_tokens");
        tables.ShouldContain("data_protection_keys");
        tables.ShouldContain("meetings");
    }
}
