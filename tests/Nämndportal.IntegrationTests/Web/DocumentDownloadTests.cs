using System.Net;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Web;

public class DocumentDownloadTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Handling_is_served_to_the_organs_people_with_a_safe_name_and_secret_ones_only_to_the_entitled_and_never_cached()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var pdf = TestFiles.Pdf("Granskningsrapport");
        var secretPdf = TestFiles.Pdf("Orosanmalan");
        Guid openVersion, secretVersion;
        await using (var db = Database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.Name == "Omsorgsnämnden");
            var officer = await db.Users.SingleAsync(u => u.Email == "handlaggare@exempelby.se");
            var @case = new Case(organ.Id, "OMF", 2026, 901, "OMF-2026-901", "Granskning av hemtjänsten", new DateOnly(2026, 11, 2), officer.Id);
            var open = new CaseDocument(@case.Id, 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), "Revisorerna", "Granskningsrapport");
            var secret = new CaseDocument(@case.Id, 2, DocumentDirection.Inkommen, new DateOnly(2026, 11, 21), "Anmälare", "Orosanmälan");
            secret.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 21), officer.Id, "Hanna Handläggare");
            var openFile = new DocumentVersion(@case.Id, open.Id, 1, "Granskning \"hemtjänst\"; del 1.pdf", FileKind.Pdf, "application/pdf", pdf.Length, FileBlob.Checksum(pdf));
            var secretFile = new DocumentVersion(@case.Id, secret.Id, 1, "orosanmälan.pdf", FileKind.Pdf, "application/pdf", secretPdf.Length, FileBlob.Checksum(secretPdf));
            db.AddRange(@case, open, secret, new FileBlob(pdf), new FileBlob(secretPdf), openFile, secretFile);
            await db.SaveChangesAsync();
            (openVersion, secretVersion) = (openFile.Id, secretFile.Id);
        }

        using var member = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(member, "ledamot@exempelby.se", DemoUsers.Password);
        var download = await member.GetAsync($"/handlingar/{openVersion}/fil");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Granskning \"hemtjänst\"; del 1.pdf");
        download.Headers.CacheControl!.Private.ShouldBeTrue();
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var reading = await member.GetAsync($"/handlingar/{openVersion}/pdf");
        reading.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        reading.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        var refused = await member.GetAsync($"/handlingar/{secretVersion}/fil");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldNotContain("orosanmälan", Shouldly.Case.Insensitive);
        body.ShouldNotContain("OSL");

        using var officerClient = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(officerClient, "handlaggare@exempelby.se", DemoUsers.Password);
        var secretDownload = await officerClient.GetAsync($"/handlingar/{secretVersion}/fil");
        secretDownload.StatusCode.ShouldBe(HttpStatusCode.OK);
        secretDownload.Headers.CacheControl!.NoStore.ShouldBeTrue();
        await using (var db = Database.CreateContext())
        {
            var line = await db.AuditTrail.SingleAsync(a => a.Action == AuditActions.SecretDownloaded);
            line.UserName.ShouldBe("handlaggare@exempelby.se");
        }

        using var otherOrgan = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(otherOrgan, "ersattare@exempelby.se", DemoUsers.Password);
        (await otherOrgan.GetAsync($"/handlingar/{openVersion}/fil")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync($"/handlingar/{openVersion}/fil")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
