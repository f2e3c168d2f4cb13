using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Nämndportal.E2E.Support;
using Nämndportal.IntegrationTests.Cases;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>Issue 4's journey: a case officer prepares a case; a member of another organ can neither find nor open it.</summary>
[Collection(PortalGroup.Name)]
public partial class CaseJourneyTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Case_officer_prepares_a_case_and_a_member_of_another_organ_cannot_reach_it()
    {
        try
        {
            await PrepareAndCheckAsync();
        }
        catch
        {
            // An error banner names only an error id; the app's own log says what happened.
            output.WriteLine("The portal's log:\n" + portal.App.Output);
            throw;
        }
    }

    private async Task PrepareAndCheckAsync()
    {
        var officer = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(officer, portal.App.BaseUrl, "handlaggare@exempelby.se");
        await Journey.WaitForInteractiveAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Ärenden" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // Register: the only organ she may register for is chosen, she is the officer, the number comes from the series.
        await Journey.WaitForInteractiveAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera ärende" }).ClickAsync();
        await officer.GetByLabel("Ärendemening").FillAsync("Hemtjänstens nattpatrull i Norrby");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Hemtjänstens nattpatrull i Norrby", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("case-number")).ToHaveTextAsync(new Regex(@"^OMF-\d{4}-\d+$"));
        var caseUrl = officer.Url;
        var caseNumber = await officer.GetByTestId("case-number").InnerTextAsync();
        await Journey.WaitForInteractiveAsync(officer);
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // Handlingar: a PDF and a DOCX; the DOCX gets its PDF from LibreOffice in a background job.
        await AddDocumentAsync(officer, "Länsstyrelsen Dalarna", "Tillsynsbeslut om nattpatrullen", "tillsynsbeslut.pdf", "application/pdf",
            TestFiles.Pdf("Tillsynsbeslut om nattpatrullen i Norrby"));
        await AddDocumentAsync(officer, "Anhörig", "Klagomål på nattpatrullens besök", "klagomal.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestFiles.Docx("Nattpatrullen kom inte natten till den 3 november."));
        var documents = officer.Locator(".documents-section");
        await Expect(documents.GetByText("PDF klar")).ToBeVisibleAsync(new() { Timeout = 90_000 });

        // The complaint is marked secret (OSL 26 kap. 1 §): date and who are recorded with it.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sekretessmarkera handling 2" }).ClickAsync();
        await officer.GetByLabel("Bestämmelse i OSL").FillAsync("26 kap. 1 §");
        await officer.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sekretessmarkera" }).ClickAsync();
        await Expect(documents.GetByText("Sekretess: OSL 26 kap. 1 §")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Handling 2 (Klagomål på nattpatrullens besök) sekretessmarkerades.");

        // She reads the secret handling (she is the case's own handläggare): the read goes to the audit trail.
        var secretHref = await documents.GetByRole(AriaRole.Link, new() { Name = "v1: klagomal.docx – ladda ned handling 2 version 1" }).GetAttributeAsync("href");
        var download = await officer.Context.APIRequest.GetAsync(portal.App.BaseUrl + secretHref);
        download.Status.ShouldBe(200);
        (await download.BodyAsync())[..2].ShouldBe("PK"u8.ToArray());

        // The tjänsteskrivelse: one att-sats, a summary, the PDF handling as beslutsunderlag (offered without reloading the page).
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lägg till att-sats" }).ClickAsync();
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "Att-sats 1" }).FillAsync("godkänna åtgärderna för nattpatrullen");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "Sammanfattning", Exact = true }).ClickAsync();
        await officer.Keyboard.TypeAsync("Nattpatrullen får fler bilar från januari.");
        await officer.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("Handling 1, .*Tillsynsbeslut om nattpatrullen") }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tjänsteskrivelsen är sparad." })).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Tjänsteskrivelsen sparades.");

        // Status: Registrerat → Under beredning → Klart för beslut, each on the timeline.
        await ChangeStatusAsync(officer, "Under beredning");
        await ChangeStatusAsync(officer, "Klart för beslut");
        await Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Status ändrades från under beredning till klart för beslut.");
        await Journey.ExpectNoErrorBannerAsync(officer);

        // Search: the officer finds the case by a word of its title and by the secret handling's description;
        // Lars, ledamot of the same organ, finds the case but not through the secret handling.
        await officer.GotoAsync(portal.App.BaseUrl + "/sok?q=nattpatrullen");
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Hemtjänstens nattpatrull i Norrby" })).ToBeVisibleAsync();
        await officer.GotoAsync(portal.App.BaseUrl + "/sok?q=klagom%C3%A5l");
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Hemtjänstens nattpatrull i Norrby" })).ToBeVisibleAsync();
        var member = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(member, portal.App.BaseUrl, "ledamot@exempelby.se");
        await member.GotoAsync(portal.App.BaseUrl + "/sok?q=nattpatrullen");
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "Hemtjänstens nattpatrull i Norrby" })).ToBeVisibleAsync();
        await member.GotoAsync(portal.App.BaseUrl + "/sok?q=klagom%C3%A5l");
        await Expect(member.GetByText("Inga träffar.")).ToBeVisibleAsync();
        await member.GotoAsync(caseUrl);
        await Expect(member.Locator(".documents-section").GetByText("Tillsynsbeslut om nattpatrullen")).ToBeVisibleAsync();
        await Expect(member.GetByText("Klagomål på nattpatrullens besök")).ToHaveCountAsync(0);

        // A member of another organ (Erika is ersättare in SUN only): not in her list, not in search, and the URL
        // answers as if it did not exist.
        var outsider = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(outsider, portal.App.BaseUrl, "ersattare@exempelby.se");
        await outsider.GotoAsync(portal.App.BaseUrl + "/arenden");
        await Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Ärenden", Level = 1 })).ToBeVisibleAsync();
        await Expect(outsider.GetByText("Hemtjänstens nattpatrull i Norrby")).ToHaveCountAsync(0);
        await outsider.GotoAsync(portal.App.BaseUrl + "/sok?q=nattpatrullen");
        await Expect(outsider.GetByText("Inga träffar.")).ToBeVisibleAsync();
        await outsider.GotoAsync(caseUrl);
        await Expect(outsider.GetByRole(AriaRole.Alert)).ToContainTextAsync("finns inte, eller så saknar du behörighet");
        await Expect(outsider.GetByText("Hemtjänstens nattpatrull i Norrby")).ToHaveCountAsync(0);
        (await outsider.Context.APIRequest.GetAsync(portal.App.BaseUrl + secretHref)).Status.ShouldBe(404);

        // The administrator finds the read in the Händelselogg, but may not read the secret handling herself.
        var admin = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(admin, portal.App.BaseUrl, "admin@exempelby.se");
        await admin.GetByLabel("Kod").FillAsync(await Totp.FreshCodeAsync(Journey.AdministratorKey, portal.App.BaseUrl));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verifiera" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Mina sammanträden", Level = 1 })).ToBeVisibleAsync();
        await admin.GotoAsync(portal.App.BaseUrl + "/admin/logg");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Händelselogg", Level = 1 })).ToBeVisibleAsync();
        await Journey.WaitForInteractiveAsync(admin);
        await admin.GetByLabel("Diarienummer").FillAsync(caseNumber);
        await admin.GetByLabel("Händelse", new() { Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Hämtat sekretessmarkerad handling" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Visa urvalet" }).ClickAsync();
        var read = admin.GetByRole(AriaRole.Table, new() { Name = "Händelser" }).Locator("tbody tr");
        await Expect(read).ToHaveCountAsync(1);
        await Expect(read).ToContainTextAsync("handlaggare@exempelby.se");
        await Expect(read).ToContainTextAsync($"Handling 2, version 1 i ärende {caseNumber} (OSL 26 kap. 1 §)");
        await Expect(read).Not.ToContainTextAsync("Klagomål");
        (await admin.Context.APIRequest.GetAsync(portal.App.BaseUrl + secretHref)).Status.ShouldBe(404);
    }

    private static async Task AddDocumentAsync(IPage page, string sender, string description, string fileName, string contentType, byte[] content)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny handling" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Avsändare", new() { Exact = true }).FillAsync(sender);
        await dialog.GetByLabel("Kort beskrivning").FillAsync(description);
        await dialog.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = contentType, Buffer = content });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara handlingen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.Locator(".documents-section").GetByText(description)).ToBeVisibleAsync();
    }

    private static async Task ChangeStatusAsync(IPage page, string status)
    {
        await page.GetByLabel("Ny status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra status" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Ärendet har nu status {status}." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync(status);
    }
}
