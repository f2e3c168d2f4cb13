using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

[Collection(PortalGroup.Name)]
public class OrganisationJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Administrator_adds_a_member_who_then_logs_in_and_sees_only_her_organ()
    {
        await using var app = await AppProcess.StartAsync(await TestDatabase.CopyOfDemoAsync("naemndportal_e2e_org"));
        var admin = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(admin, app.BaseUrl, "admin@exempelby.se");
        await admin.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(Journey.AdministratorKey, app.BaseUrl));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();

        // A new person with a login.
        await Journey.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Personer" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Personer", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ny person" }).ClickAsync();
        await admin.GetByLabel("Förnamn").FillAsync("Nora");
        await admin.GetByLabel("Efternamn").FillAsync("Nyvald");
        await admin.GetByLabel("E-post", new() { Exact = true }).FillAsync("nora.nyvald@exempelby.se");
        await admin.GetByLabel("Skapa inloggning till Nämndportal").CheckAsync();
        await admin.GetByLabel("Första lösenord").FillAsync("Nyvald-Ledamot-2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara personen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Nora Nyvald", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.GetByText("har inloggning")).ToBeVisibleAsync();

        // A membership in Omsorgsnämnden from today.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Organ", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Omsorgsnämnden" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Omsorgsnämnden", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lägg till uppdrag" }).ClickAsync();
        await Journey.ChooseInAutocompleteAsync(admin, "Person", "Nora", "Nora Nyvald");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara uppdraget" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Uppdraget är sparat." })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Rowheader, new() { Name = "Nora Nyvald" })).ToBeVisibleAsync();
        var otherOrganUrl = await OrganUrlAsync(admin, app.BaseUrl, "Social- och utbildningsnämnden");

        // The new member sees her organ and nothing else.
        var member = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(member, app.BaseUrl, "nora.nyvald@exempelby.se", "Nyvald-Ledamot-2026");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        var upcoming = member.GetByRole(AriaRole.Region, new() { Name = "Kommande sammanträden" });
        await Expect(upcoming.GetByRole(AriaRole.Rowheader, new() { Name = "Omsorgsnämnden" }).First).ToBeVisibleAsync();
        await Expect(member.GetByText("Social- och utbildningsnämnden")).ToHaveCountAsync(0);
        await Expect(member.GetByText("Kommunstyrelsen")).ToHaveCountAsync(0);

        await member.GetByRole(AriaRole.Link, new() { Name = "Organ", Exact = true }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Omsorgsnämnden" })).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(1);

        await member.GotoAsync(otherOrganUrl);
        await Expect(member.GetByRole(AriaRole.Alert)).ToContainTextAsync("finns inte, eller så saknar du behörighet");
        await Expect(member.GetByText("Ledamöter och ersättare")).ToHaveCountAsync(0);
        await Journey.ExpectNoErrorBannerAsync(member);
    }

    [Fact]
    public async Task Roster_import_with_a_bad_row_saves_nothing_and_shows_the_row()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera ledamöter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importera ledamöter", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(page);

        var csv = "namn;parti;roll;organ;start;slut;e-post\n"
            + "Ingrid Importsson;S;ledamot;Omsorgsnämnden;2026-01-01;;ingrid.importsson@exempelby.se\n"
            + "Olle Okänd;XYZ;ledamot;Omsorgsnämnden;2026-01-01;;\n";
        await page.GetByLabel("CSV-fil med ledamöter").SetInputFilesAsync(new FilePayload
        {
            Name = "ledamoter.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Inget har sparats");
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Fel i filen" });
        var badRow = problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "XYZ" });
        await Expect(badRow.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("3");
        await Expect(badRow.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("parti");

        await page.GetByRole(AriaRole.Link, new() { Name = "Personer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personer", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Sök på namn eller e-post").FillAsync("Importsson");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("0 personer.");
    }

    [Fact]
    public async Task Organisation_pages_have_no_serious_or_critical_axe_violations()
    {
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        var organUrl = await OrganUrlAsync(page, portal.App.BaseUrl, "Omsorgsnämnden");
        await page.GotoAsync(portal.App.BaseUrl + "/personer");
        await Journey.WaitForInteractiveAsync(page);
        var personUrl = portal.App.BaseUrl + await page.GetByRole(AriaRole.Rowheader).First.GetByRole(AriaRole.Link).GetAttributeAsync("href");

        foreach (var url in new[] { portal.App.BaseUrl + "/organ", organUrl, portal.App.BaseUrl + "/personer", personUrl, portal.App.BaseUrl + "/organ/import" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync(organUrl);
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till uppdrag" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var admin = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(admin, portal.App.BaseUrl, "admin@exempelby.se");
        await admin.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(Journey.AdministratorKey, portal.App.BaseUrl));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await admin.GotoAsync(organUrl);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Ersättartabell" })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Knyt till organet" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        await admin.GotoAsync(portal.App.BaseUrl + "/admin/register");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);

        // With a result message showing, and after a rejected input.
        await admin.GetByLabel("Förkortning").FillAsync("S");
        await admin.GetByLabel("Namn", new() { Exact = true }).Last.FillAsync("Dubblettpartiet");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lägg till parti" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Det finns redan ett parti med förkortningen S.");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);
        await admin.GetByLabel("Förkortning").FillAsync("EBL");
        await admin.GetByLabel("Namn", new() { Exact = true }).Last.FillAsync("Exempelby lista");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lägg till parti" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Exempelby lista är tillagt.");
        await Expect(admin.GetByText("EBL – Exempelby lista")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(admin);
    }

    private static async Task<string> OrganUrlAsync(IPage page, string baseUrl, string organName)
    {
        await page.GotoAsync(baseUrl + "/organ");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = organName, Exact = true }).GetAttributeAsync("href");
        href.ShouldNotBeNull();
        Regex.IsMatch(href, "^/organ/[0-9a-f-]{36}$").ShouldBeTrue();
        return baseUrl + href;
    }
}
