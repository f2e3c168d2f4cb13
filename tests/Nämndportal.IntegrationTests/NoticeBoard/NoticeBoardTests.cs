using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.NoticeBoard;

public class NoticeBoardTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly MeetingDay = new(2026, 12, 21);

    // 1 December 2026, 10.00 in Stockholm: twenty days before fullmäktige's meeting.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private Organ _kf = null!;
    private Meeting _meeting = null!;
    private TestUser _secretary = null!;
    private readonly RecordingPublicPageCache _publicPages = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _kf = await InsertAsync(new Organ("Kommunfullmäktige", "KF", OrganKind.Fullmaktige, "KF"));
        _meeting = await InsertAsync(new Meeting(_kf.Id, SwedishTime.FromLocal(MeetingDay, new TimeOnly(18, 30)), null, "Sessionssalen, Stadshuset"));
        _secretary = await CreateUserAsync("sekreterare", Roles.Secretary);
        await InsertAsync(new OrganOfficial(_secretary.UserId!.Value, _kf.Id, OfficialFunction.Namndsekreterare));
    }

    [Fact]
    public async Task Secretary_of_fullmaktige_puts_the_kallelse_on_the_board_and_the_audit_trail_names_the_anslag()
    {
        var file = await InsertAsync(PublicPack());
        var result = await PublishAsync(_secretary, new PublishPosting(_meeting.Id, file.Id, ["Val av justerare", "Budget 2027"]));

        result.Error.ShouldBeNull();
        _publicPages.Evictions.ShouldBe(1, "the public pages are evicted on every instance once the anslag is up");
        var current = (await ListAsync(earlier: false)).Items.ShouldHaveSingleItem();
        current.Id.ShouldBe(result.Value!.PostingId);
        current.Title.ShouldBe("Kallelse till Kommunfullmäktige 2026-12-21");
        current.Place.ShouldBe("Sessionssalen, Stadshuset");
        (current.UpOn, current.DownOn).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 22)));
        var details = (await new GetPostingHandler(Factory(TestUser.Anonymous), _clock).HandleAsync(new GetPosting(current.Id))).Value!;
        details.AgendaLines.ShouldBe(["Val av justerare", "Budget 2027"]);
        details.HasFile.ShouldBeTrue();

        await using var db = Database.CreateContext();
        var line = (await db.AuditTrail.Where(l => l.EntityType == nameof(Posting)).ToListAsync()).ShouldHaveSingleItem();
        line.Action.ShouldBe(AuditActions.Created);
        line.UserName.ShouldBe("sekreterare");
        line.Summary.ShouldBe("Anslag Kallelse till Kommunfullmäktige 2026-12-21 (2026-12-01 – 2026-12-22)");
    }

    [Fact]
    public async Task Ledamot_may_not_put_the_kallelse_on_the_board()
    {
        var ledamot = await CreateUserAsync("ledamot", Roles.Member);
        var person = await InsertAsync(new Person("Lars", "Ledamot") { UserId = ledamot.UserId });
        await InsertAsync(new Membership(person.Id, _kf.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));

        var result = await PublishAsync(ledamot, new PublishPosting(_meeting.Id, null, ["Val av justerare"]));

        result.Error!.Code.ShouldBe("not_found", "forbidden answers as unknown");
        result.Error.Message.ShouldBe("Sammanträdet finns inte, eller så saknar du behörighet att se det.");
        await using var db = Database.CreateContext();
        (await db.Postings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Rule2_Kallelse_of_a_closed_namnd_is_refused_with_the_reason()
    {
        var namnd = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var meeting = await InsertAsync(new Meeting(namnd.Id, SwedishTime.FromLocal(MeetingDay, new TimeOnly(13, 0)), null, "Björken"));
        var admin = await CreateUserAsync("admin", Roles.Administrator);

        var result = await PublishAsync(admin, new PublishPosting(meeting.Id, null, []));

        result.Error!.Message.ShouldBe("Omsorgsnämndens sammanträden är inte offentliga enligt reglementet, så kallelsen sätts inte upp på anslagstavlan.");
    }

    [Fact]
    public async Task Rule3_Fullmaktige_kallelse_six_days_before_is_refused_without_a_reason_and_recorded_with_one()
    {
        _clock.SetUtcNow(SwedishTime.FromLocal(MeetingDay.AddDays(-6), new TimeOnly(8, 0)));

        var refused = await PublishAsync(_secretary, new PublishPosting(_meeting.Id, null, ["Budget 2027"]));
        refused.Error!.Message.ShouldContain("minst 7 dagar före sammanträdet (kommunallagen 8 kap. 10 §)");

        var late = await PublishAsync(_secretary, new PublishPosting(_meeting.Id, null, ["Budget 2027"], "Sammanträdet flyttades av kommunstyrelsen."));
        late.Error.ShouldBeNull();
        await using var db = Database.CreateContext();
        (await db.Postings.SingleAsync()).LateReason.ShouldBe("Sammanträdet flyttades av kommunstyrelsen.");
    }

    [Fact]
    public async Task Secret_or_unknown_file_is_refused_as_the_public_file()
    {
        var secret = await InsertAsync(StoredFile.ForOfficerReport("ts.pdf", "%PDF-1.7 hemligt"u8.ToArray(), null, Guid.NewGuid(), Guid.NewGuid(), containsSecret: true));
        foreach (var fileId in new[] { secret.Id, Guid.NewGuid() })
        {
            var result = await PublishAsync(_secretary, new PublishPosting(_meeting.Id, fileId, ["Budget 2027"]));
            result.Error!.Code.ShouldBe("invalid");
        }
    }

    [Fact]
    public async Task Reissued_kallelse_replaces_the_earlier_which_leaves_the_board_and_stays_in_the_history()
    {
        var first = (await PublishAsync(_secretary, new PublishPosting(_meeting.Id, null, ["Budget 2027"]))).Value!;
        _clock.Advance(TimeSpan.FromDays(3));
        var second = (await PublishAsync(_secretary, new PublishPosting(_meeting.Id, null, ["Budget 2027", "Extra ärende: fyllnadsval"]))).Value!;

        second.ReplacedPostingId.ShouldBe(first.PostingId);
        (await ListAsync(earlier: false)).Items.Select(p => p.Id).ShouldBe([second.PostingId]);
        var history = (await ListAsync(earlier: true)).Items.ShouldHaveSingleItem();
        (history.Id, history.Replaced).ShouldBe((first.PostingId, true));
        var old = (await new GetPostingHandler(Factory(TestUser.Anonymous), _clock).HandleAsync(new GetPosting(first.PostingId))).Value!;
        (old.IsUp, old.ReplacedByPostingId).ShouldBe((false, second.PostingId));
    }

    [Fact]
    public async Task Current_and_earlier_notices_follow_the_Stockholm_date_not_the_UTC_date()
    {
        var posted = (await PublishAsync(_secretary, new PublishPosting(_meeting.Id, null, ["Budget 2027"]))).Value!;

        // 22 December 23.30 in Stockholm, still 22.30 UTC on the 22nd: the last day the notice is up.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 22, 22, 30, 0, TimeSpan.Zero));
        (await ListAsync(earlier: false)).Items.Select(p => p.Id).ShouldBe([posted.PostingId]);
        (await ListAsync(earlier: true)).Items.ShouldBeEmpty();

        // 23 December 00.30 in Stockholm, though still the 22nd in UTC: it has come down and is history.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 22, 23, 30, 0, TimeSpan.Zero));
        (await ListAsync(earlier: false)).Items.ShouldBeEmpty();
        (await ListAsync(earlier: true)).Items.Select(p => p.Id).ShouldBe([posted.PostingId]);
    }

    [Fact]
    public async Task Earlier_notices_come_a_page_at_a_time_newest_first()
    {
        for (var i = 0; i < 3; i++)
        {
            var meeting = await InsertAsync(new Meeting(_kf.Id, SwedishTime.FromLocal(new DateOnly(2026, 2, 10 + i), new TimeOnly(18, 30)), null, "Sessionssalen"));
            await InsertAsync(Posting.ForKallelse(_kf, meeting, [], null, new DateOnly(2026, 2, 1 + i), _clock.GetUtcNow(), "s"));
        }

        var handler = new ListPostingsHandler(Factory(TestUser.Anonymous), _clock);
        var first = await handler.HandleAsync(new ListPostings(Earlier: true, Page: 1, PageSize: 2));
        var second = await handler.HandleAsync(new ListPostings(Earlier: true, Page: 2, PageSize: 2));

        (first.Total, first.PageCount).ShouldBe((3, 2));
        first.Items.Select(p => p.UpOn.Day).ShouldBe([3, 2]);
        second.Items.Select(p => p.UpOn.Day).ShouldBe([1]);
    }

    private static StoredFile PublicPack() =>
        StoredFile.ForOfficerReport("kallelse-kf.pdf", "%PDF-1.7 kallelse"u8.ToArray(), null, Guid.NewGuid(), Guid.NewGuid());

    private TestDbContextFactory Factory(TestUser user) => new(Database, user, _clock);

    private async Task<Application.Common.Result<PublishedPosting>> PublishAsync(TestUser user, PublishPosting request)
    {
        var db = Factory(user);
        return await new PublishPostingHandler(db, new AccessService(db, user, _clock), user, _clock, new PublishPostingValidator(), _publicPages).HandleAsync(request);
    }

    private Task<PostingPage> ListAsync(bool earlier) =>
        new ListPostingsHandler(Factory(TestUser.Anonymous), _clock).HandleAsync(new ListPostings(Earlier: earlier));
}
