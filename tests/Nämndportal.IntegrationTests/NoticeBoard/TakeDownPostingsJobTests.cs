using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.NoticeBoard;

public sealed class TakeDownPostingsJobTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Rule16_The_scheduled_job_takes_an_anslag_down_the_day_after_its_last_day_never_on_it_and_only_once()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var meeting = await InsertAsync(new Domain.Meetings.Meeting(organ.Id, SwedishTime.FromLocal(new DateOnly(2026, 12, 1), new TimeOnly(13, 0)), null, "Björken"));
        var upOn = new DateOnly(2026, 12, 3);
        var posting = Posting.ForMinutes(organ.Id, organ.Name, meeting.Id, Guid.NewGuid(), new DateOnly(2026, 12, 1), "§ 1–4", upOn, upOn,
            "Omsorgsförvaltningen", DateTimeOffset.UtcNow, "sara");
        await using (var db = Database.CreateContext())
        {
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
        }

        posting.DownOn.ShouldBe(new DateOnly(2026, 12, 28)); // julafton moved past the days off
        var clock = new FakeTimeProvider(SwedishTime.FromLocal(posting.DownOn, new TimeOnly(23, 59)));
        var publicPages = new RecordingPublicPageCache();
        var job = new TakeDownPostingsJob(new TestDbContextFactory(Database, TestUser.Anonymous, clock), clock, publicPages, NullLogger<TakeDownPostingsJob>.Instance);

        (await job.RunAsync(CancellationToken.None)).ShouldBe(0);
        clock.Advance(TimeSpan.FromMinutes(6));
        (await job.RunAsync(CancellationToken.None)).ShouldBe(1);
        (await job.RunAsync(CancellationToken.None)).ShouldBe(0);
        publicPages.Evictions.ShouldBe(3, "the board is evicted on every run: the date turned even when nothing came down");

        await using var check = Database.CreateContext();
        var down = await check.Postings.SingleAsync(p => p.Id == posting.Id);
        SwedishTime.LocalDate(down.TakenDownAt!.Value).ShouldBe(new DateOnly(2026, 12, 29));
        down.TakenDownBy.ShouldBe("anslagstavlan (automatiskt)");
    }
}
