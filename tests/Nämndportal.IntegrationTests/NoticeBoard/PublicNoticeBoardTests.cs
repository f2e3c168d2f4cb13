using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.NoticeBoard;

/// <summary>The anonymous surface: the public pages and the one public file endpoint, through the real app.</summary>
public class PublicNoticeBoardTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Board_notice_and_accessibility_statement_open_without_login_with_the_security_headers()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await PortalFactory.StartAsync(Database, smtp.MailSettings);
        await DemoSending.RunAsync(app, Database, "KF");
        Guid demoId;
        await using (var db = Database.CreateContext())
        {
            demoId = (await db.Postings.SingleAsync(p => p.Kind == Domain.NoticeBoard.PostingKind.Kallelse)).Id;
        }

        using var anonymous = app.CreateBrowserLikeClient();
        var board = await anonymous.GetAsync("/anslagstavla");
        board.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await board.Content.ReadAsStringAsync());
        html.ShouldContain("Exempelby kommun");
        html.ShouldContain($"href=\"/anslagstavla/{demoId}\"");
        html.ShouldContain("Kommunfullmäktige");
        html.ShouldContain("Sessionssalen, Stadshuset");
        html.ShouldContain("href=\"/tillganglighet\"");
        html.ShouldNotContain("Mina sammanträden", Case.Sensitive, "no portal navigation on the public board");
        board.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");

        var notice = await anonymous.GetAsync($"/anslagstavla/{demoId}");
        notice.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await notice.Content.ReadAsStringAsync()).ShouldContain("Information om budget 2027 och verksamhetsplan 2027–2029");

        var statement = await anonymous.GetAsync("/tillganglighet");
        statement.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await statement.Content.ReadAsStringAsync()).ShouldContain("Myndigheten för digital förvaltning");

        (await anonymous.GetAsync($"/anslagstavla/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_justerat_protokolls_anslag_in_the_list_names_the_meeting_day_without_a_time_of_day()
    {
        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        var meetingDay = today.AddDays(-3);
        var organ = await InsertAsync(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BYN"));
        var meeting = await InsertAsync(new Meeting(organ.Id, SwedishTime.FromLocal(meetingDay, new TimeOnly(13, 0)), null, "Sammanträdesrum Eken"));
        await using (var db = Database.CreateContext())
        {
            db.Postings.Add(Posting.ForMinutes(organ.Id, organ.Name, meeting.Id, Guid.NewGuid(), meetingDay, "§ 1–4", today.AddDays(-1), today,
                "Samhällsbyggnadsförvaltningen", DateTimeOffset.UtcNow, "sara"));
            await db.SaveChangesAsync();
        }

        await using var app = await PortalFactory.StartAsync(Database);
        using var anonymous = app.CreateBrowserLikeClient();
        var html = WebUtility.HtmlDecode(await (await anonymous.GetAsync("/anslagstavla")).Content.ReadAsStringAsync());

        html.ShouldContain($"Justerat protokoll, Byggnadsnämnden {meetingDay:yyyy-MM-dd}");
        html.ShouldContain($"<dt>Sammanträdesdatum</dt><dd>{meetingDay:yyyy-MM-dd}</dd>");
        html.ShouldNotContain("klockan 00.00", Case.Sensitive, "the protokoll's posting keeps the day, not the time, of the meeting");
    }

    [Fact]
    public async Task File_endpoint_serves_only_the_notices_own_non_secret_file_and_only_while_the_notice_is_up()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var today = SwedishTime.LocalDate(DateTimeOffset.UtcNow);
        Organ kf;
        await using (var db = Database.CreateContext())
        {
            kf = await db.Organs.SingleAsync(o => o.Kind == OrganKind.Fullmaktige);
        }

        var pack = await InsertAsync(StoredFile.ForOfficerReport("kallelse-kf.pdf", "%PDF-1.7 offentlig"u8.ToArray(), null, Guid.NewGuid(), Guid.NewGuid()));
        var secret = await InsertAsync(StoredFile.ForOfficerReport("hemlig.pdf", "%PDF-1.7 hemlig"u8.ToArray(), null, Guid.NewGuid(), Guid.NewGuid(), containsSecret: true));
        var withPack = await PostAsync(kf, today.AddDays(30), pack.Id, today);
        var withSecret = await PostAsync(kf, today.AddDays(31), secret.Id, today);
        var notYetUp = await PostAsync(kf, today.AddDays(32), pack.Id, today.AddDays(1));

        using var anonymous = app.CreateBrowserLikeClient();
        var served = await anonymous.GetAsync($"/anslagstavla/{withPack.Id}/fil");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe("%PDF-1.7 offentlig"u8.ToArray());
        (await (await anonymous.GetAsync($"/anslagstavla/{withPack.Id}")).Content.ReadAsStringAsync())
            .ShouldContain($"href=\"/anslagstavla/{withPack.Id}/fil\"");

        foreach (var address in new[]
                 {
                     $"/anslagstavla/{withSecret.Id}/fil", $"/anslagstavla/{notYetUp.Id}/fil", $"/anslagstavla/{pack.Id}/fil",
                     $"/anslagstavla/{secret.Id}/fil", $"/anslagstavla/{Guid.NewGuid()}/fil",
                 })
        {
            var refused = await anonymous.GetAsync(address);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
            (await refused.Content.ReadAsStringAsync()).ShouldNotContain("%PDF");
        }

        // The file is not reachable through the portal's own file address without login.
        (await anonymous.GetAsync($"/filer/{pack.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Once a re-issued kallelse replaces the notice, its file is no longer served.
        await using (var db = Database.CreateContext())
        {
            var old = await db.Postings.SingleAsync(p => p.Id == withPack.Id);
            var meeting = await db.Meetings.SingleAsync(m => m.Id == old.MeetingId);
            var reissue = Posting.ForKallelse(kf, meeting, ["Ny punkt"], null, today, DateTimeOffset.UtcNow, "sekreterare@exempelby.se");
            old.Replace(reissue, DateTimeOffset.UtcNow, "sekreterare@exempelby.se");
            await db.SaveChangesAsync();
            db.Postings.Add(reissue);
            await db.SaveChangesAsync();
        }

        (await anonymous.GetAsync($"/anslagstavla/{withPack.Id}/fil")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Posting> PostAsync(Organ organ, DateOnly meetingDay, Guid fileId, DateOnly upOn)
    {
        var meeting = await InsertAsync(new Meeting(organ.Id, SwedishTime.FromLocal(meetingDay, new TimeOnly(18, 30)), null, "Sessionssalen, Stadshuset"));
        return await InsertAsync(Posting.ForKallelse(organ, meeting, ["Budget"], fileId, upOn, DateTimeOffset.UtcNow, "sekreterare@exempelby.se"));
    }
}
