using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.NoticeBoard;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.NoticeBoard;

/// <summary>
/// The anslagstavla from the output cache (glossary: utdatacache). That a page came from the cache is shown without timing:
/// the posting's title is changed directly in the database, behind the portal's back, and the old title is still served
/// until something evicts the pages. The expiry (60 s) is far beyond how long these tests wait.
/// </summary>
public class PublicPageCacheTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Second_anonymous_visit_is_served_from_the_cache_without_a_cookie_and_a_notify_from_another_instance_evicts_it()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var posting = await PostAsync("Budget 2027");
        using var anonymous = app.CreateBrowserLikeClient();

        var first = await anonymous.GetAsync("/anslagstavla");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Set-Cookie").ShouldBeFalse("a page that sets a cookie (antiforgery) must not be cached");
        (await BodyAsync(first)).ShouldContain(posting.Title);

        await RetitleAsync(posting.Id, "Ändrad bakom portalens rygg");
        var second = await anonymous.GetAsync("/anslagstavla");
        (await BodyAsync(second)).ShouldContain(posting.Title, Case.Sensitive, "the second visit is the cached page");
        second.Headers.Contains("Age").ShouldBeTrue("the output cache marks what it serves with Age");
        second.Headers.Contains("Set-Cookie").ShouldBeFalse();

        // Another instance published something: it says so on the channel, from its own connection.
        await app.Services.GetRequiredService<CacheInvalidationListener>().Listening.WaitAsync(Patience);
        await using (var other = new NpgsqlConnection(Database.ConnectionString))
        {
            await other.OpenAsync();
            await using var notify = new NpgsqlCommand($"NOTIFY {PostgresPublicPageCache.Channel}, '{PostgresPublicPageCache.Tag}'", other);
            await notify.ExecuteNonQueryAsync();
        }

        (await EventuallyAsync(anonymous, "/anslagstavla", "Ändrad bakom portalens rygg")).ShouldBeTrue("the notification evicts the page on this instance");
    }

    [Fact]
    public async Task Publishing_through_the_portal_evicts_the_board_at_once()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await PortalFactory.StartAsync(Database, smtp.MailSettings);
        using var anonymous = app.CreateBrowserLikeClient();
        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldNotContain("Kallelse till Kommunfullmäktige");

        // The demo kallelse of fullmäktige is sent: the sending job publishes it on the board (PublishPosting).
        await DemoSending.RunAsync(app, Database, "KF");

        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldContain("Kallelse till Kommunfullmäktige");
    }

    [Fact]
    public async Task The_take_down_job_evicts_the_board_and_the_detail_pages()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var posting = await PostAsync("Detaljplan för Norra hamnen");
        using var anonymous = app.CreateBrowserLikeClient();
        (await BodyAsync(await anonymous.GetAsync($"/anslagstavla/{posting.Id}"))).ShouldContain(posting.Title);
        await RetitleAsync(posting.Id, "Ny rubrik efter nedtagning");
        (await BodyAsync(await anonymous.GetAsync($"/anslagstavla/{posting.Id}"))).ShouldContain(posting.Title);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TakeDownPostingsJob>().RunAsync(CancellationToken.None);
        }

        (await BodyAsync(await anonymous.GetAsync($"/anslagstavla/{posting.Id}"))).ShouldContain("Ny rubrik efter nedtagning");
    }

    [Fact]
    public async Task A_signed_in_visitor_is_never_served_the_cached_page_and_their_page_is_never_stored()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var posting = await PostAsync("Budget 2027");
        using var anonymous = app.CreateBrowserLikeClient();
        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldContain(posting.Title);

        using var member = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(member, "ledamot@exempelby.se", DemoUsers.Password);
        await RetitleAsync(posting.Id, "Sedd av den inloggade");
        (await BodyAsync(await member.GetAsync("/anslagstavla"))).ShouldContain("Sedd av den inloggade", Case.Sensitive, "not the anonymous visitors' cached page");
        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldContain(posting.Title, Case.Sensitive, "anonymous visitors still get the cached page");

        // Empty cache: the signed-in visitor's page comes first, and must not become the anonymous visitors'.
        await app.Services.GetRequiredService<IPublicPageCache>().EvictAsync();
        (await BodyAsync(await member.GetAsync("/anslagstavla"))).ShouldContain("Sedd av den inloggade");
        await RetitleAsync(posting.Id, "Efter den inloggades besök");
        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldContain("Efter den inloggades besök");
    }

    [Fact]
    public async Task The_listener_reconnects_when_its_connection_is_killed_and_evicts_what_it_may_have_missed()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var listener = app.Services.GetRequiredService<CacheInvalidationListener>();
        await listener.Listening.WaitAsync(Patience);
        var posting = await PostAsync("Budget 2027");
        using var anonymous = app.CreateBrowserLikeClient();
        (await BodyAsync(await anonymous.GetAsync("/anslagstavla"))).ShouldContain(posting.Title);
        await RetitleAsync(posting.Id, "Publicerad medan lyssnaren var borta");

        // The database drops the listener's connection (a restart, a failover): whatever was notified meanwhile is lost.
        await using (var admin = new NpgsqlConnection(Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
            kill.Parameters.AddWithValue("name", CacheInvalidationListener.ApplicationName);
            ((long)(await kill.ExecuteScalarAsync())!).ShouldBe(1);
        }

        (await EventuallyAsync(anonymous, "/anslagstavla", "Publicerad medan lyssnaren var borta")).ShouldBeTrue("the reconnected listener evicts everything");
        await listener.Listening.WaitAsync(Patience);
    }

    private async Task<Posting> PostAsync(string agendaLine)
    {
        Organ kf;
        await using (var db = Database.CreateContext())
        {
            kf = await db.Organs.SingleAsync(o => o.Kind == OrganKind.Fullmaktige);
        }

        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        var meeting = await InsertAsync(new Meeting(kf.Id, SwedishTime.FromLocal(today.AddDays(40), new TimeOnly(18, 30)), null, "Sessionssalen, Stadshuset"));
        return await InsertAsync(Posting.ForKallelse(kf, meeting, [agendaLine], null, today, DateTimeOffset.UtcNow, "sekreterare@exempelby.se"));
    }

    private async Task RetitleAsync(Guid postingId, string title)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE postings SET title = @title WHERE id = @id", connection);
        update.Parameters.AddWithValue("title", title);
        update.Parameters.AddWithValue("id", postingId);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());

    /// <summary>Asks for the page until it shows <paramref name="text"/> (an eviction on another connection is asynchronous), at most <see cref="Patience"/>.</summary>
    private static async Task<bool> EventuallyAsync(HttpClient client, string address, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if ((await BodyAsync(await client.GetAsync(address))).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
