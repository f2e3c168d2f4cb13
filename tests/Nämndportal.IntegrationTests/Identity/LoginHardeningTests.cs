using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;
using Nämndportal.Web.Security;

namespace Nämndportal.IntegrationTests.Identity;

/// <summary>One-time codes used once, the same work for every failed login, audit lines for logins, rate limits.</summary>
public class LoginHardeningTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string Failed = "Inloggningen misslyckades.";
    private const string WrongCode = "Koden stämmer inte.";

    [Fact]
    public async Task Authenticator_code_signs_in_once_and_is_refused_the_second_time_also_when_two_browsers_race()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await PortalFactory.StartAsync(Database, configure: b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var code = ReplayProofAuthenticatorTokenProvider.CodeAt(DemoUsers.AdministratorAuthenticatorKey, clock.GetUtcNow());

        using var first = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(first, "admin@exempelby.se", DemoUsers.Password);
        (await AccountForms.PostCodeAsync(first, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await first.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(second, "admin@exempelby.se", DemoUsers.Password);
        var replay = await AccountForms.PostCodeAsync(second, code);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK, "the same code must not sign in a second browser");
        WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()).ShouldContain(WrongCode);
        (await second.GetAsync("/arenden")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The next step's code, sent by four browsers at the same moment: exactly one gets in. (The failed-attempt
        // count is cleared first, so that Identity's own bookkeeping of the replay above does not race the winner.)
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync("admin@exempelby.se"))!);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        var next = ReplayProofAuthenticatorTokenProvider.CodeAt(DemoUsers.AdministratorAuthenticatorKey, clock.GetUtcNow());
        var racers = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            var racer = app.CreateBrowserLikeClient();
            await LoginForm.PostAsync(racer, "admin@exempelby.se", DemoUsers.Password);
            racers.Add(racer);
        }

        var pages = await Task.WhenAll(racers.Select(async r => (await r.GetStringAsync("/konto/tvastegsverifiering"), r)));
        var answers = await Task.WhenAll(pages.Select(p =>
            p.r.PostAsync("/konto/tvastegsverifiering", AccountForms.Form(p.Item1, "login-2fa", ("Input.Code", next)))));
        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect]);
        racers.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Unknown_address_wrong_password_and_locked_account_each_check_one_password_hash_and_get_the_same_answer()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await PortalFactory.StartAsync(Database,
            configure: b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("ersattare@exempelby.se"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        using var client = app.CreateBrowserLikeClient();
        var answers = new List<(HttpStatusCode Status, string Message)>();
        foreach (var (email, password) in new[]
                 {
                     ("finns.inte@exempelby.se", "Fel-lösenord-123"),
                     ("ledamot@exempelby.se", "Fel-lösenord-123"),
                     ("ersattare@exempelby.se", DemoUsers.Password),
                 })
        {
            var before = hasher.Verifications;
            var response = await LoginForm.PostAsync(client, email, password);
            (hasher.Verifications - before).ShouldBe(1, $"{email}: every failed login checks exactly one password hash");
            answers.Add((response.StatusCode, Message(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()))));
        }

        answers.Select(a => a.Status).Distinct().ShouldBe([HttpStatusCode.OK]);
        answers.Select(a => a.Message).Distinct().Count().ShouldBe(1, "the three answers must read the same");
        answers[0].Message.ShouldContain(Failed);
    }

    [Fact]
    public async Task Logins_failures_wrong_codes_lockouts_logouts_and_enrolment_are_in_the_audit_trail_without_passwords_or_codes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?> { ["Security:Login:MaxFailedAttempts"] = "2" },
            b =>
            {
                AccountForms.UseTestAddresses(b);
                b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
            });
        using var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(AccountForms.AddressHeader, "192.0.2.17");
        const string wrong = "Hemligt-Fel-9876";

        await LoginForm.PostAsync(client, "Finns.Inte@exempelby.se", wrong);
        await LoginForm.PostAsync(client, "ledamot@exempelby.se", wrong);
        await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password);
        await AccountForms.LogOutAsync(client);
        await LoginForm.PostAsync(client, "ersattare@exempelby.se", wrong);
        await LoginForm.PostAsync(client, "ersattare@exempelby.se", wrong);

        await LoginForm.PostAsync(client, "admin@exempelby.se", DemoUsers.Password);
        await AccountForms.PostCodeAsync(client, "000000");
        var code = ReplayProofAuthenticatorTokenProvider.CodeAt(DemoUsers.AdministratorAuthenticatorKey, clock.GetUtcNow());
        await AccountForms.PostCodeAsync(client, code);
        await AccountForms.LogOutAsync(client);

        await LoginForm.PostAsync(client, "sekreterare@exempelby.se", DemoUsers.Password);
        var enrolment = WebUtility.HtmlDecode(await client.GetStringAsync("/konto/tvastegsverifiering/aktivera"));
        var key = System.Text.RegularExpressions.Regex.Match(enrolment, "aria-label=\"Nyckel: ([a-z2-7 ]+)\"").Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var enrolCode = ReplayProofAuthenticatorTokenProvider.CodeAt(key, clock.GetUtcNow());
        (await client.PostAsync("/konto/tvastegsverifiering/aktivera", AccountForms.Form(enrolment, "enable-2fa", ("Input.Code", enrolCode))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.EntityType == AuditTrailEntityTypes.Login).OrderBy(a => a.Id).ToListAsync();
        lines.Select(l => (l.Action, l.UserName)).ShouldBe(new (string, string?)[]
        {
            (AuditActions.LoginFailed, "Finns.Inte@exempelby.se"),
            (AuditActions.LoginFailed, "ledamot@exempelby.se"),
            (AuditActions.LoggedIn, "ledamot@exempelby.se"),
            (AuditActions.LoggedOut, "ledamot@exempelby.se"),
            (AuditActions.LoginFailed, "ersattare@exempelby.se"),
            (AuditActions.LoginFailed, "ersattare@exempelby.se"),
            (AuditActions.LockedOut, "ersattare@exempelby.se"),
            (AuditActions.SecondFactorFailed, "admin@exempelby.se"),
            (AuditActions.LoggedIn, "admin@exempelby.se"),
            (AuditActions.LoggedOut, "admin@exempelby.se"),
            (AuditActions.LoggedIn, "sekreterare@exempelby.se"),
            (AuditActions.SecondFactorChanged, "sekreterare@exempelby.se"),
        });
        lines[0].UserId.ShouldBeNull();
        lines.ShouldAllBe(l => l.RemoteAddress == "192.0.2.17");
        foreach (var secret in new[] { wrong, DemoUsers.Password, "000000", code, enrolCode })
        {
            lines.ShouldAllBe(l => !l.Summary.Contains(secret) && !(l.UserName ?? string.Empty).Contains(secret));
        }

        // The Händelselogg filters them by action and by kind.
        var admin = new TestUser(Guid.NewGuid(), "admin@exempelby.se", Roles.Administrator);
        var factory = new TestDbContextFactory(Database, admin, clock);
        var list = new ListAuditTrailHandler(factory, new AccessService(factory, admin, clock), new ListAuditTrailValidator());
        var failed = await list.HandleAsync(new ListAuditTrail { Action = AuditActions.LoginFailed });
        failed.Value!.Rows.Count.ShouldBe(4);
        (await list.HandleAsync(new ListAuditTrail { EntityType = AuditTrailEntityTypes.Login })).Value!.TotalCount.ShouldBe(12);
        failed.Value.Rows[0].EntityTypeName.ShouldBe("Inloggning");
    }

    [Fact]
    public async Task Too_many_login_attempts_from_one_address_get_the_Swedish_429_page_and_other_addresses_go_on()
    {
        await using var app = await PortalFactory.StartAsync(Database,
            new Dictionary<string, string?> { ["Security:RateLimits:AttemptsPerAddress"] = "3", ["Security:RateLimits:AttemptsPerAccount"] = "100" },
            AccountForms.UseTestAddresses);
        using var attacker = app.CreateBrowserLikeClient();
        attacker.DefaultRequestHeaders.Add(AccountForms.AddressHeader, "198.51.100.7");
        for (var i = 0; i < 3; i++)
        {
            (await LoginForm.PostAsync(attacker, $"person{i}@exempelby.se", "Fel-lösenord-123")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await LoginForm.PostAsync(attacker, "ledamot@exempelby.se", DemoUsers.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain(LoginRateLimiting.RejectedMessage);
        (await attacker.GetAsync("/konto/logga-in")).StatusCode.ShouldBe(HttpStatusCode.OK, "only attempts are limited, not the page");

        using var colleague = app.CreateBrowserLikeClient();
        colleague.DefaultRequestHeaders.Add(AccountForms.AddressHeader, "198.51.100.8");
        (await LoginForm.PostAsync(colleague, "ledamot@exempelby.se", DemoUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Too_many_login_attempts_for_one_account_from_different_addresses_get_429()
    {
        await using var app = await PortalFactory.StartAsync(Database,
            new Dictionary<string, string?> { ["Security:RateLimits:AttemptsPerAddress"] = "100", ["Security:RateLimits:AttemptsPerAccount"] = "2" },
            AccountForms.UseTestAddresses);
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var client = app.CreateBrowserLikeClient();
            client.DefaultRequestHeaders.Add(AccountForms.AddressHeader, $"203.0.113.{i}");
            answers.Add((await LoginForm.PostAsync(client, i == 3 ? " LEDAMOT@exempelby.se " : "ledamot@exempelby.se", "Fel-lösenord-123")).StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], "the address is normalised: case and spaces do not make a new account");

        using var other = app.CreateBrowserLikeClient();
        other.DefaultRequestHeaders.Add(AccountForms.AddressHeader, "203.0.113.1");
        (await LoginForm.PostAsync(other, "ersattare@exempelby.se", DemoUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Attempts_posted_to_the_login_address_with_a_trailing_slash_count_too()
    {
        await using var app = await PortalFactory.StartAsync(Database,
            new Dictionary<string, string?> { ["Security:RateLimits:AttemptsPerAddress"] = "2", ["Security:RateLimits:AttemptsPerAccount"] = "100" },
            AccountForms.UseTestAddresses);
        using var attacker = app.CreateBrowserLikeClient();
        attacker.DefaultRequestHeaders.Add(AccountForms.AddressHeader, "198.51.100.9");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var token = LoginForm.AntiforgeryToken(await attacker.GetStringAsync("/konto/logga-in"));
            var response = await attacker.PostAsync("/konto/logga-in/", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = $"person{i}@exempelby.se",
                ["Input.Password"] = "Fel-lösenord-123",
            }));
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Something_other_than_an_address_typed_as_the_address_is_not_written_to_the_audit_trail()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();

        // Someone types their password into the address field.
        (await LoginForm.PostAsync(client, "Hemligt-Lösen-2026", "Hemligt-Lösen-2026")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = Database.CreateContext();
        var line = await db.AuditTrail.SingleAsync(a => a.Action == AuditActions.LoginFailed);
        line.UserName.ShouldBe("(ogiltig adress)");
        (await db.AuditTrail.AnyAsync(a => a.Summary.Contains("Hemligt") || (a.UserName != null && a.UserName.Contains("Hemligt")))).ShouldBeFalse();
    }

    private static string Message(string html)
    {
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    /// <summary>Identity's own hasher, counting how many hashes it checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
