using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Meetings;
using Nämndportal.Domain.Files;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Meetings;

/// <summary>The pack-part cache is swept of parts older than 90 days; newer parts stay for the next re-issue.</summary>
public sealed class SweepPackPartsTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task The_sweep_deletes_only_parts_printed_more_than_ninety_days_ago()
    {
        var now = new DateTimeOffset(2026, 12, 1, 2, 15, 0, TimeSpan.Zero);
        await using (var db = Database.CreateContext())
        {
            db.PackParts.AddRange(
                new PackPart(new string('a', 64), "%PDF-old"u8.ToArray(), now.AddDays(-91)),
                new PackPart(new string('b', 64), "%PDF-edge"u8.ToArray(), now.AddDays(-89)),
                new PackPart(new string('c', 64), "%PDF-new"u8.ToArray(), now.AddDays(-1)));
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(now);
        var job = new SweepPackPartsJob(new TestDbContextFactory(Database, TestUser.Anonymous, clock), clock, NullLogger<SweepPackPartsJob>.Instance);

        (await job.RunAsync(CancellationToken.None)).ShouldBe(1);
        (await job.RunAsync(CancellationToken.None)).ShouldBe(0, "running again finds nothing more");

        await using var check = Database.CreateContext();
        (await check.PackParts.Select(p => p.Checksum).OrderBy(c => c).ToListAsync()).ShouldBe([new string('b', 64), new string('c', 64)]);
    }
}
