using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class LoginTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string Failed = "Inloggningen misslyckades.";

    [Fact]
    public async Task Correct_password_signs_in_and_the_start_page_lists_the_secretarys_meetings()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();

        var login = await LoginForm.PostAsync(client, "sekreterare@exempelby.se", DemoUsers.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.AbsolutePath.ShouldBe("/");

        var start = await client.GetAsync("/");
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(start);
        html.ShouldContain("Mina sammanträden");
        html.ShouldContain("Omsorgsnämnden");
        html.ShouldContain("Social- och utbildningsnämnden");
        html.ShouldNotContain("Kommunstyrelsen", customMessage: "the secretary is not attached to the kommunstyrelse");
    }

    [Fact]
    public async Task Start_page_without_login_sends_the_visitor_to_the_login_page()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldStartWith("/konto/logga-in");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_Swedish_message()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();

        var wrongPassword = await HtmlAsync(await LoginForm.PostAsync(client, "sekreterare@exempelby.se", "Fel-lösenord-123"));
        var unknownUser = await HtmlAsync(await LoginForm.PostAsync(client, "finns.inte@exempelby.se", "Fel-lösenord-123"));

        wrongPassword.ShouldContain(Failed);
        unknownUser.ShouldContain(Failed);
        Message(wrongPassword).ShouldBe(Message(unknownUser));
    }

    [Fact]
    public async Task Account_is_locked_after_the_configured_number_of_failures_and_the_message_does_not_change()
    {
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?> { ["Security:Login:MaxFailedAttempts"] = "3" });
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            (await HtmlAsync(await LoginForm.PostAsync(client, "ledamot@exempelby.se", "Fel-lösenord-123"))).ShouldContain(Failed);
        }

        var withRightPassword = await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password);

        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account must not be signed in");
        (await HtmlAsync(withRightPassword)).ShouldContain(Failed);
        await using var db = Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "ledamot@exempelby.se");
        user.LockoutEnd.ShouldNotBeNull();
    }

    [Fact]
    public async Task Secretary_without_a_second_factor_reaches_only_the_enrolment_page_when_it_is_required()
    {
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?> { ["Security:TwoFactor:Enforce"] = "true" });
        using var client = app.CreateBrowserLikeClient();
        (await LoginForm.PostAsync(client, "sekreterare@exempelby.se", DemoUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var start = await client.GetAsync("/");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.ShouldBe("/konto/tvastegsverifiering/aktivera");

        // Data under deeper paths is not a static asset, whatever its name ends with.
        Guid organId;
        await using (var db = Database.CreateContext())
        {
            organId = (await db.Organs.FirstAsync()).Id;
        }

        foreach (var path in new[] { "/organ", $"/organ/{organId}", $"/organ/{organId}/ledamoter.csv", $"/filer/{Guid.NewGuid()}", "/personer" })
        {
            var blocked = await client.GetAsync(path);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            blocked.Headers.Location!.OriginalString.ShouldBe("/konto/tvastegsverifiering/aktivera", path);
        }

        var enrol = await HtmlAsync(await client.GetAsync("/konto/tvastegsverifiering/aktivera"));
        enrol.ShouldContain("Din roll kräver tvåstegsverifiering");
        enrol.ShouldContain("QR-kod för autentiseringsappen");
    }

    [Fact]
    public async Task Member_of_an_organ_whose_reglemente_requires_it_must_enrol_a_second_factor()
    {
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?> { ["Security:TwoFactor:Enforce"] = "true" });
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.ShortName == "OMN");
            organ.Update(organ.Name, organ.ShortName, organ.Kind, organ.CaseNumberPrefix, organ.ParentId, organ.ParagraphSeries, organ.DefaultMeetingPlace,
                new Nämndportal.Domain.Organisation.OrganRules(5, 14, 1, false, membersNeedSecondFactor: true));
            await db.SaveChangesAsync();
        }

        using var member = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(member, "ledamot@exempelby.se", DemoUsers.Password);
        (await member.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/konto/tvastegsverifiering/aktivera");

        using var otherMember = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(otherMember, "ersattare@exempelby.se", DemoUsers.Password);
        (await otherMember.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "a member of an organ without the requirement is let in");
    }

    [Fact]
    public async Task Member_is_not_required_to_enrol_a_second_factor()
    {
        await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?> { ["Security:TwoFactor:Enforce"] = "true" });
        using var client = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(client, "ledamot@exempelby.se", DemoUsers.Password);
        var start = await client.GetAsync("/");
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(start)).ShouldContain("Omsorgsnämnden");
    }

    [Fact]
    public async Task User_with_an_authenticator_must_give_a_code_after_the_password()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();
        var login = await LoginForm.PostAsync(client, "admin@exempelby.se", DemoUsers.Password);
        login.Headers.Location!.AbsolutePath.ShouldBe("/konto/tvastegsverifiering");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone must not sign the administrator in");
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string Message(string html)
    {
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }
}
