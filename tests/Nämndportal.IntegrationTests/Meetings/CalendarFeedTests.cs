using System.Net;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Meetings;

/// <summary>Kalenderprenumerationer read as a calendar app reads them: over HTTP without a login, parsed with Ical.Net.</summary>
public class CalendarFeedTests(DatabaseFixture database) : IntegrationTest(database)
{
    private Organ _omsorg = null!;
    private Organ _skola = null!;
    private Meeting _march = null!;
    private Meeting _june = null!;
    private Meeting _skolaApril = null!;
    private PortalFactory _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var year = DateTime.UtcNow.Year + 1;
        _omsorg = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        _skola = await InsertAsync(new Organ("Skolnämnden", "SKN", OrganKind.Namnd, "SKN"));
        // Winter time (UTC+1) and summer time (UTC+2).
        _march = await InsertAsync(new Meeting(
            _omsorg.Id, SwedishTime.FromLocal(new DateOnly(year, 3, 10), new TimeOnly(13, 0)), SwedishTime.FromLocal(new DateOnly(year, 3, 10), new TimeOnly(16, 30)), "Sammanträdesrum Björken"));
        _june = await InsertAsync(new Meeting(_omsorg.Id, SwedishTime.FromLocal(new DateOnly(year, 6, 9), new TimeOnly(9, 0)), null, "Kommunhuset, sal Eken"));
        _skolaApril = await InsertAsync(new Meeting(_skola.Id, SwedishTime.FromLocal(new DateOnly(year, 4, 15), new TimeOnly(9, 0)), null, "Skolans aula"));
        _app = new PortalFactory(Database.ConnectionString, new Dictionary<string, string?>());
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_organ_feed_holds_the_organs_meetings_in_Stockholm_time_without_a_login()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);

        using var client = _app.CreateClient();
        var response = await client.GetAsync($"/kalender/{token}.ics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("BEGIN:VTIMEZONE");
        text.ShouldContain("DTSTART;TZID=Europe/Stockholm:");
        // Written invariantly: a Swedish minus sign (U+2212) in the time zone's rules is unreadable to calendar apps.
        text.ShouldContain("BYDAY=-1SU");
        text.ShouldNotContain("\u2212");
        text.ShouldContain("X-WR-CALNAME:Omsorgsnämnden: sammanträden");
        var calendar = Calendar.Load(text)!;
        calendar.TimeZones.Select(z => z.TzId).ShouldContain("Europe/Stockholm");
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        events.Select(e => e.Uid).ShouldBe([$"{_march.Id}@naemndportal", $"{_june.Id}@naemndportal"]);

        var march = events[0];
        march.Summary.ShouldBe("Omsorgsnämnden sammanträder");
        march.Location.ShouldBe("Sammanträdesrum Björken");
        march.DtStart!.TzId.ShouldBe("Europe/Stockholm");
        (march.DtStart.Hour, march.DtStart.Minute).ShouldBe((13, 0));
        march.DtStart.AsUtc.ShouldBe(_march.StartsAt.UtcDateTime);
        march.DtEnd!.AsUtc.ShouldBe(_march.EndsAt!.Value.UtcDateTime);
        march.Url!.AbsolutePath.ShouldBe($"/sammantraden/{_march.Id}");
        march.Status.ShouldBe(EventStatus.Confirmed);
        march.Sequence.ShouldBe(0);

        var june = events[1];
        (june.DtStart!.Hour, june.DtStart.Minute).ShouldBe((9, 0));
        june.DtStart.AsUtc.ShouldBe(_june.StartsAt.UtcDateTime);
        june.DtEnd!.AsUtc.ShouldBe(_june.StartsAt.UtcDateTime.AddHours(3));

        // The same meeting keeps its UID, so a calendar updates it instead of adding a copy.
        var again = Calendar.Load(await client.GetStringAsync($"/kalender/{token}.ics"))!;
        again.Events.Select(e => e.Uid).Order().ShouldBe(events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task A_moved_meeting_gets_a_higher_sequence_and_a_cancelled_one_stays_in_the_feed_as_cancelled()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);
        using var client = _app.CreateClient();
        var before = Calendar.Load(await client.GetStringAsync($"/kalender/{token}.ics"))!;
        var juneBefore = before.Events.Single(e => e.Uid == $"{_june.Id}@naemndportal");
        var newStart = _june.StartsAt.AddDays(1).AddHours(4);
        await using (var db = Database.CreateContext())
        {
            var june = await db.Meetings.SingleAsync(m => m.Id == _june.Id);
            june.Reschedule(newStart, null, "Kommunhuset, sal Linden");
            await db.SaveChangesAsync();
        }

        var moved = Calendar.Load(await client.GetStringAsync($"/kalender/{token}.ics"))!.Events.Single(e => e.Uid == $"{_june.Id}@naemndportal");
        moved.Sequence.ShouldBeGreaterThan(juneBefore.Sequence);
        moved.DtStart!.AsUtc.ShouldBe(newStart.UtcDateTime);
        (moved.DtStart.Hour, moved.DtStart.Minute).ShouldBe((13, 0));
        moved.Location.ShouldBe("Kommunhuset, sal Linden");
        moved.Status.ShouldBe(EventStatus.Confirmed);

        await using (var db = Database.CreateContext())
        {
            var june = await db.Meetings.SingleAsync(m => m.Id == _june.Id);
            june.Cancel("För få ärenden", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var calendar = Calendar.Load(await client.GetStringAsync($"/kalender/{token}.ics"))!;
        var cancelled = calendar.Events.Single(e => e.Uid == $"{_june.Id}@naemndportal");
        cancelled.Status.ShouldBe(EventStatus.Cancelled);
        cancelled.Sequence.ShouldBeGreaterThan(moved.Sequence);
        cancelled.Description.ShouldNotBeNull().ShouldNotContain("För få ärenden");
        calendar.Events.Single(e => e.Uid == $"{_march.Id}@naemndportal").Status.ShouldBe(EventStatus.Confirmed);
    }

    [Fact]
    public async Task A_revoked_token_and_an_unknown_one_both_get_404()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);
        using var client = _app.CreateClient();
        (await client.GetAsync($"/kalender/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var feedId = (await ListFeedsAsync(secretary)).Feeds.ShouldHaveSingleItem().Id;

        (await RevokeAsync(secretary, feedId)).Succeeded.ShouldBeTrue();

        var revoked = await client.GetAsync($"/kalender/{token}.ics");
        var unknown = await client.GetAsync($"/kalender/{CalendarFeed.Create(Guid.NewGuid(), null).Token}.ics");
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await revoked.Content.ReadAsStringAsync()).ShouldBe(await unknown.Content.ReadAsStringAsync());
        (await ListFeedsAsync(secretary)).Feeds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_feeds_faster_than_a_calendar_app_ever_would_is_refused_for_a_while()
    {
        using var client = _app.CreateClient();
        var unknown = $"/kalender/{CalendarFeed.Create(Guid.NewGuid(), null).Token}.ics";
        for (var read = 0; read < Nämndportal.Web.Endpoints.CalendarFeedRateLimit.ReadsPerMinute; read++)
        {
            (await client.GetAsync(unknown)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var refused = await client.GetAsync(unknown);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldBe("För många hämtningar av kalendern. Försök igen om en stund.");
    }

    [Fact]
    public async Task Another_user_cannot_revoke_my_feed()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);
        var feedId = (await ListFeedsAsync(secretary)).Feeds.Single().Id;
        var other = await SecretaryOfAsync(_omsorg, "annan.sekreterare");

        var result = await RevokeAsync(other, feedId);

        result.Error!.Code.ShouldBe("not_found");
        using var client = _app.CreateClient();
        (await client.GetAsync($"/kalender/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task My_meetings_feed_holds_only_meetings_the_owner_may_read_on_their_dates()
    {
        // A ledamot of Omsorgsnämnden whose seat ends before the June meeting; nothing in Skolnämnden.
        var userId = await CreateUserAsync("ledamot");
        var person = await InsertAsync(new Person("Lars", "Ledamot") { UserId = userId });
        await InsertAsync(new Membership(person.Id, _omsorg.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), _march.LocalDate.AddDays(30)));
        var member = new TestUser(userId, "ledamot@exempelby.se", Roles.Member);
        var token = await CreateFeedAsync(member, null);

        using var client = _app.CreateClient();
        var calendar = Calendar.Load(await client.GetStringAsync($"/kalender/{token}.ics"))!;

        calendar.Events.Select(e => e.Uid).ShouldBe([$"{_march.Id}@naemndportal"]);
        calendar.Events.ShouldAllBe(e => !e.Summary!.Contains("Skolnämnden"));
    }

    [Fact]
    public async Task An_organ_feed_stops_when_its_owner_may_no_longer_see_the_organ_and_none_is_made_for_an_organ_they_cannot_see()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);

        var forOther = await CreateHandler(secretary).HandleAsync(new CreateCalendarFeed(_skola.Id));
        forOther.Error!.Code.ShouldBe("not_found");
        (await ListFeedsAsync(secretary)).Organs.Select(o => o.Name).ShouldBe(["Omsorgsnämnden"]);

        await using (var db = Database.CreateContext())
        {
            db.OrganOfficials.RemoveRange(db.OrganOfficials.Where(o => o.UserId == secretary.UserId));
            await db.SaveChangesAsync();
        }

        using var client = _app.CreateClient();
        (await client.GetAsync($"/kalender/{token}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Making_and_revoking_a_feed_is_in_the_audit_trail_without_the_token()
    {
        var secretary = await SecretaryOfAsync(_omsorg);
        var token = await CreateFeedAsync(secretary, _omsorg.Id);
        var feedId = (await ListFeedsAsync(secretary)).Feeds.Single().Id;
        await RevokeAsync(secretary, feedId);

        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.AsNoTracking().Where(l => l.EntityType == nameof(CalendarFeed)).OrderBy(l => l.At).ToListAsync();
        lines.Select(l => l.Summary).ShouldBe([
            "Kalenderprenumeration på OMN för sekreterare@exempelby.se",
            "Kalenderprenumeration på OMN för sekreterare@exempelby.se: återkallad",
        ]);
        lines.ShouldAllBe(l => l.EntityId == feedId && l.UserId == secretary.UserId);
        var hash = CalendarFeed.HashToken(token);
        lines.ShouldAllBe(l => !l.Summary.Contains(token) && !l.Summary.Contains(hash));
    }

    private async Task<TestUser> SecretaryOfAsync(Organ organ, string name = "sekreterare")
    {
        var user = await CreateUserAsync(name, Roles.Secretary);
        await InsertAsync(new OrganOfficial(user.UserId!.Value, organ.Id, OfficialFunction.Namndsekreterare));
        return user;
    }

    private CreateCalendarFeedHandler CreateHandler(TestUser user)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        return new CreateCalendarFeedHandler(db, new AccessService(db, user, TimeProvider.System), user, new CreateCalendarFeedValidator());
    }

    private async Task<string> CreateFeedAsync(TestUser user, Guid? organId)
    {
        var result = await CreateHandler(user).HandleAsync(new CreateCalendarFeed(organId));
        return result.Value.ShouldNotBeNull().Token;
    }

    private async Task<CalendarFeedList> ListFeedsAsync(TestUser user)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        return await new ListCalendarFeedsHandler(db, new AccessService(db, user, TimeProvider.System), user).HandleAsync(new ListCalendarFeeds());
    }

    private async Task<Nämndportal.Application.Common.Result<Guid>> RevokeAsync(TestUser user, Guid feedId)
    {
        var db = new TestDbContextFactory(Database, user, TimeProvider.System);
        return await new RevokeCalendarFeedHandler(db, user, TimeProvider.System).HandleAsync(new RevokeCalendarFeed(feedId));
    }
}
