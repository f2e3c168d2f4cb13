using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Seeding;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.AuditTrail;

/// <summary>The page and the CSV address are for administrators only; the export is the filtered trail.</summary>
public class AuditTrailWebTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Administrator_downloads_the_filtered_csv_and_a_secretary_is_turned_away_from_page_and_file()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AdministratorAccounts>()
                .CreateAsync("andra.admin@exempelby.se", "Andra Admin", "Andra-Admin-2026-lösen")).ShouldBeEmpty();
        }

        await using (var db = Database.CreateContext())
        {
            db.AuditTrail.AddRange(
                new AuditTrailEntry(new DateTimeOffset(2026, 11, 22, 13, 5, 9, TimeSpan.Zero), null, "sara.sekreterare@exempelby.se", "192.0.2.1",
                    AuditActions.SecretRead, "CaseDocument", null, null, "Handling 2 i ärende OMF-2026-7 (OSL 26 kap. 1 §)"),
                new AuditTrailEntry(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), null, "rolf.registrator@exempelby.se", "192.0.2.2",
                    AuditActions.Created, "Case", null, null, "Ärende OMF-2026-8"));
            await db.SaveChangesAsync();
        }

        using var admin = app.CreateBrowserLikeClient();
        (await LoginForm.PostAsync(admin, "andra.admin@exempelby.se", "Andra-Admin-2026-lösen")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var csv = await admin.GetAsync("/admin/logg.csv?fran=2026-11-22&till=2026-11-22&handelse=" + Uri.EscapeDataString(AuditActions.SecretRead));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("handelselogg-");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.ShouldStartWith("\uFEFFNr;Tid;Användare;");
        text.ShouldContain("2026-11-22 14.05.09;sara.sekreterare@exempelby.se;192.0.2.1;Läst sekretessmarkerad handling;Handling;");
        text.ShouldNotContain("OMF-2026-8");

        var bad = await admin.GetAsync("/admin/logg.csv?fran=2026-11-23&till=2026-11-22");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("Till-datumet kan inte vara före från-datumet.");

        var page = await admin.GetAsync("/admin/logg");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain("Händelselogg");

        using var secretary = app.CreateBrowserLikeClient();
        await LoginForm.PostAsync(secretary, "sekreterare@exempelby.se", DemoUsers.Password);
        foreach (var path in new[] { "/admin/logg", "/admin/logg.csv" })
        {
            var refused = await secretary.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            refused.Headers.Location!.AbsolutePath.ShouldBe("/konto/atkomst-nekad", path);
        }

        using var anonymous = app.CreateBrowserLikeClient();
        var anonymousCsv = await anonymous.GetAsync("/admin/logg.csv");
        anonymousCsv.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymousCsv.Headers.Location!.AbsolutePath.ShouldBe("/konto/logga-in");
    }
}
