using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Persistence;

public class AuditAndConcurrencyTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Created_and_modified_by_and_at_come_from_the_signed_in_user_and_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero));
        var secretary = new TestDbContextFactory(Database, new TestUser(Guid.NewGuid(), "sekreterare@exempelby.se"), clock);
        var organ = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        await using (var db = secretary.Create())
        {
            db.Organs.Add(organ);
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromHours(2));
        var admin = new TestDbContextFactory(Database, new TestUser(Guid.NewGuid(), "admin@exempelby.se"), clock);
        await using (var db = admin.Create())
        {
            var stored = await db.Organs.SingleAsync(o => o.Id == organ.Id);
            stored.DefaultMeetingPlace = "Björken";
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        var result = await check.Organs.AsNoTracking().SingleAsync(o => o.Id == organ.Id);
        result.CreatedBy.ShouldBe("sekreterare@exempelby.se");
        result.CreatedAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero));
        result.ModifiedBy.ShouldBe("admin@exempelby.se");
        result.ModifiedAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Work_without_a_signed_in_user_is_recorded_as_system()
    {
        var factory = new TestDbContextFactory(Database, TestUser.Anonymous, TimeProvider.System);
        await using var db = factory.Create();
        var organ = new Organ("Kommunstyrelsen", "KS", OrganKind.Kommunstyrelse, "KS");
        db.Organs.Add(organ);
        await db.SaveChangesAsync();
        organ.CreatedBy.ShouldBe("system");
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_by_the_xmin_token()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var a = await first.Organs.SingleAsync(o => o.Id == organ.Id);
        var b = await second.Organs.SingleAsync(o => o.Id == organ.Id);
        a.Version.ShouldNotBe(0u);

        a.DefaultMeetingPlace = "Björken";
        await first.SaveChangesAsync();
        b.DefaultMeetingPlace = "Eken";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Database.CreateContext();
        (await check.Organs.SingleAsync(o => o.Id == organ.Id)).DefaultMeetingPlace.ShouldBe("Björken");
    }
}
