using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;
using Nämndportal.Web.Components.Account;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Identity;

/// <summary>Sessions live on the server: logout, "Avsluta", an administrator and the time limits end them everywhere.</summary>
public class SessionTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string Member = "ledamot@exempelby.se";

    [Fact]
    public async Task Copied_login_cookie_opens_nothing_after_logout_neither_cases_nor_a_handling()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var version = await AddHandlingAsync();
        using var browser = app.CreateBrowserLikeClient();
        var cookie = AccountForms.AuthCookie(await LoginForm.PostAsync(browser, Member, DemoUsers.Password));
        using var thief = app.CreateBrowserLikeClient();
        (await AccountForms.GetWithCookieAsync(thief, "/arenden", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountForms.GetWithCookieAsync(thief, $"/handlingar/{version}/fil", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AccountForms.LogOutAsync(browser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var cases = await AccountForms.GetWithCookieAsync(thief, "/arenden", cookie);
        cases.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a copy of the cookie must die with the session");
        cases.Headers.Location!.AbsolutePath.ShouldBe("/konto/logga-in");
        (await AccountForms.GetWithCookieAsync(thief, $"/handlingar/{version}/fil", cookie)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = Database.CreateContext();
        (await db.UserSessions.CountAsync()).ShouldBe(0);
        (await db.AuditTrail.SingleAsync(a => a.Action == AuditActions.LoggedOut)).UserName.ShouldBe(Member);
    }

    [Fact]
    public async Task Signing_in_as_someone_else_on_the_same_browser_starts_a_new_session_that_no_copy_of_the_old_cookie_reaches()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var browser = app.CreateBrowserLikeClient();
        var first = AccountForms.AuthCookie(await LoginForm.PostAsync(browser, Member, DemoUsers.Password));

        // The next person at the shared computer signs in without logging the first out.
        var second = AccountForms.AuthCookie(await LoginForm.PostAsync(browser, "ersattare@exempelby.se", DemoUsers.Password));

        second.ShouldNotBe(first);
        using var thief = app.CreateBrowserLikeClient();
        (await AccountForms.GetWithCookieAsync(thief, "/arenden", first)).StatusCode.ShouldBe(HttpStatusCode.Redirect,
            "a copy of the first person's cookie must not open the second person's session");
        (await AccountForms.GetWithCookieAsync(thief, "/arenden", second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = Database.CreateContext();
        var substitute = await db.Users.SingleAsync(u => u.Email == "ersattare@exempelby.se");
        (await db.UserSessions.Select(s => s.UserId).ToListAsync()).ShouldBe([substitute.Id]);
    }

    [Fact]
    public async Task Session_ended_on_one_instance_is_refused_by_another_sharing_the_database()
    {
        await using var first = await PortalFactory.StartAsync(Database);
        await using var second = new PortalFactory(Database.ConnectionString, new Dictionary<string, string?>());
        using var browser = first.CreateBrowserLikeClient();
        var cookie = AccountForms.AuthCookie(await LoginForm.PostAsync(browser, Member, DemoUsers.Password));
        using var elsewhere = second.CreateBrowserLikeClient();
        (await AccountForms.GetWithCookieAsync(elsewhere, "/arenden", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await AccountForms.LogOutAsync(browser);

        (await AccountForms.GetWithCookieAsync(elsewhere, "/arenden", cookie)).StatusCode.ShouldBe(HttpStatusCode.Redirect,
            "the second instance must see the logout made on the first");
    }

    [Fact]
    public async Task Session_unused_for_the_idle_timeout_is_ended_and_a_busy_one_ends_at_the_absolute_lifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await PortalFactory.StartAsync(Database, configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var busy = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(busy, Member, DemoUsers.Password);
        using var idle = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(idle, "ersattare@exempelby.se", DemoUsers.Password);

        clock.Advance(TimeSpan.FromMinutes(29));
        (await busy.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(2));
        (await idle.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "31 minutes without use ends the session");
        (await busy.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK, "a session in use is not idle");

        // Used every 25 minutes: alive until 12 hours after the login, then ended however busy.
        while (clock.GetUtcNow().AddMinutes(25) < clock.Start.AddHours(12))
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            (await busy.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{clock.GetUtcNow() - clock.Start} after the login");
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        (await busy.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "12 hours after the login the session is over");
        await using var db = Database.CreateContext();
        var ended = await db.AuditTrail.Where(a => a.Action == AuditActions.SessionEnded).OrderBy(a => a.Id).Select(a => new { a.UserName, a.Summary }).ToListAsync();
        ended.Select(e => e.UserName).ShouldBe(["ersattare@exempelby.se", Member]);
        ended[0].Summary.ShouldContain("inte använts");
        ended[1].Summary.ShouldContain("längsta tiden");
    }

    [Fact]
    public async Task Open_page_keeps_its_session_alive_and_loses_its_user_when_the_session_ends_or_the_login_is_locked()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await PortalFactory.StartAsync(Database, configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var reader = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(reader, Member, DemoUsers.Password);
        var page = await OpenPageAsync(app);

        // Reading one page for 50 minutes: the circuit's revalidations keep the session in use.
        for (var minute = 0; minute < 50; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            (await page.StillValidAsync()).ShouldBeTrue($"minute {minute + 1} of reading");
        }

        (await reader.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK, "an open page is use, not idleness");

        await AccountForms.LogOutAsync(reader);
        (await page.StillValidAsync()).ShouldBeFalse("the open page of an ended session must stop");

        using var other = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(other, Member, DemoUsers.Password);
        var otherPage = await OpenPageAsync(app);
        (await otherPage.StillValidAsync()).ShouldBeTrue();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Member))!;
            await users.SetLockoutEndDateAsync(user, clock.GetUtcNow().AddDays(1));
        }

        (await otherPage.StillValidAsync()).ShouldBeFalse("a locked login loses its open pages");
    }

    [Fact]
    public async Task User_sees_their_sessions_and_ends_another_one_which_is_then_signed_out()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var laptop = app.CreateBrowserLikeClient();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        await LoginForm.PostAsync(laptop, Member, DemoUsers.Password);
        using var phone = app.CreateBrowserLikeClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0");
        await LoginForm.PostAsync(phone, Member, DemoUsers.Password);
        using var someoneElse = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(someoneElse, "ersattare@exempelby.se", DemoUsers.Password);

        var page = WebUtility.HtmlDecode(await laptop.GetStringAsync("/konto/sessioner"));
        var text = System.Text.RegularExpressions.Regex.Replace(page, "<[^>]+>", string.Empty);
        text.ShouldContain("Chrome på Windows (den här sessionen)");
        text.ShouldContain("Firefox på Android");
        var others = AccountForms.ButtonValues(page, "End");
        others.Count.ShouldBe(2, "one button for the phone, one for all others; none for the session in use or someone else's");

        var ended = await laptop.PostAsync("/konto/sessioner", AccountForms.Form(page, "sessions", ("End", others[0])));
        WebUtility.HtmlDecode(await ended.Content.ReadAsStringAsync()).ShouldContain("Sessionen avslutades.");

        (await phone.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the ended session is signed out");
        (await laptop.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await someoneElse.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = Database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.Action == AuditActions.SessionEnded);
        line.UserName.ShouldBe(Member);
        line.Summary.ShouldBe("Session avslutad av användaren");
    }

    [Fact]
    public async Task Administrator_ends_all_sessions_of_a_user_and_a_member_may_not()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await PortalFactory.StartAsync(Database, configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var first = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(first, Member, DemoUsers.Password);
        using var second = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(second, Member, DemoUsers.Password);
        (await first.GetAsync("/admin/sessioner")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a member may not open the administrators' list");

        using var admin = app.CreateBrowserLikeClient();
        await AccountForms.SignInAdministratorAsync(admin, clock.GetUtcNow());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/sessioner"));
        page.ShouldContain("2 sessioner");
        var memberId = await UserIdAsync(Member);
        AccountForms.ButtonValues(page, "UserId").ShouldContain(memberId.ToString());

        var ended = await admin.PostAsync("/admin/sessioner", AccountForms.Form(page, "end-user-sessions", ("UserId", memberId.ToString())));
        WebUtility.HtmlDecode(await ended.Content.ReadAsStringAsync()).ShouldContain("2 sessioner avslutades.");

        (await first.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await second.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.Action == AuditActions.SessionEnded).ToListAsync();
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(l => l.UserId == memberId && l.Summary == "Alla sessioner avslutade av administratör admin@exempelby.se");
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = Database.CreateContext();
        return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }

    /// <summary>The newest session's principal as a circuit holds it, with the circuit's revalidation.</summary>
    private async Task<OpenPage> OpenPageAsync(PortalFactory app)
    {
        Guid sessionId;
        await using (var db = Database.CreateContext())
        {
            sessionId = (await db.UserSessions.OrderByDescending(s => s.CreatedAt).FirstAsync()).Id;
        }

        var ticket = await app.Services.GetRequiredService<PostgresTicketStore>().RetrieveAsync(sessionId.ToString());
        var scope = app.Services.CreateAsyncScope();
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return new OpenPage(provider, ticket!.Principal);
    }

    private async Task<Guid> AddHandlingAsync()
    {
        var pdf = TestFiles.Pdf("Granskningsrapport");
        await using var db = Database.CreateContext();
        var organ = await db.Organs.SingleAsync(o => o.Name == "Omsorgsnämnden");
        var @case = new Case(organ.Id, "OMF", 2026, 901, "OMF-2026-901", "Granskning av hemtjänsten", new DateOnly(2026, 11, 2), null);
        var document = new CaseDocument(@case.Id, 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), "Revisorerna", "Granskningsrapport");
        var version = new DocumentVersion(@case.Id, document.Id, 1, "granskning.pdf", FileKind.Pdf, "application/pdf", pdf.Length, FileBlob.Checksum(pdf));
        db.AddRange(@case, document, new FileBlob(pdf), version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private sealed record OpenPage(IdentityRevalidatingAuthenticationStateProvider Provider, System.Security.Claims.ClaimsPrincipal User)
    {
        public Task<bool> StillValidAsync() => Provider.IsStillValidAsync(User);
    }
}
