using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Nämndportal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 11's journey: the secretary writes the protokoll of a called Omsorgsnämnden meeting during the meeting (roll call
/// with a serving ersättare, a § with a vote and a reservation), sends it for justering; the chair and the justerare sign
/// with password and an authenticator code; the justering goes up on the public anslagstavla; the secretary reviews and
/// publishes the public version, which holds nothing of the closed §; a rättelse of a § is written, signed and announced on
/// its own. Every new page passes its axe scan.
/// </summary>
[Collection(PortalGroup.Name)]
public partial class MinutesJourneyTests(PortalFixture portal)
{
    /// <summary>The demo keys of Omsorgsnämnden's chair and of Lars Ledamot (DemoUsers, printed by dev.sh).</summary>
    private const string ChairKey = "NAMNDPORTALORDFORANDE234567ABCDE";
    private const string LarsKey = "NAMNDPORTALLEDAMOT234567ABCDEFGH";
    private const string ClosedTitle = "Ansökan om bistånd från Sven Svensson";

    [Fact]
    public async Task The_secretary_writes_the_protokoll_the_chair_and_the_justerare_sign_it_and_the_public_version_goes_up_without_the_closed_section()
    {
        var (meetingId, decisionTitle) = await InsertCalledMeetingAsync();
        var page = await portal.Browser.NewPageAsync(1600, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/sammantraden/{meetingId}");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv protokoll" }).ClickAsync();
        // Drafting reads the agenda and every tjänsteskrivelse's att-satser: on a loaded CI machine it has taken over 20 s.
        await page.WaitForURLAsync(new Regex("/protokoll/"), new() { Timeout = 60_000 });
        await Journey.WaitForInteractiveAsync(page);
        var minutesUrl = page.Url;
        await Expect(page.GetByTestId("minutes-status")).ToHaveTextAsync("Utkast");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The meeting opens; everyone is there but Ida Granlund (M), and a present M ersättare serves for her (rule 5's suggestion).
        await page.GetByRole(AriaRole.Button, new() { Name = "Öppna sammanträdet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Avsluta sammanträdet" })).ToBeVisibleAsync();
        var rollCall = page.GetByTestId("roll-call");
        var rows = rollCall.Locator("tbody tr");
        var absent = (await rows.Filter(new() { HasText = "2:e vice ordförande" }).Locator("th").TextContentAsync())!.Trim();
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            if ((await row.TextContentAsync())!.Contains("2:e vice ordförande", StringComparison.Ordinal))
            {
                continue;
            }

            var box = row.GetByRole(AriaRole.Checkbox);
            await box.CheckAsync();
            await Expect(box).ToBeCheckedAsync();
        }

        await Expect(page.GetByTestId("substitute-suggestion")).ToContainTextAsync($"tjänstgör för {absent}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Använd förslaget" }).ClickAsync();
        await Expect(page.GetByTestId("substitute-suggestion")).ToHaveCountAsync(0);
        var chosen = await rollCall.Locator("select").EvaluateAllAsync<string[]>("selects => selects.map(s => s.selectedOptions[0]?.text ?? '')");
        chosen.Count(text => text == absent).ShouldBe(1, "one ersättare serves for the absent ledamot (Ersättare för)");
        await Expect(page.GetByTestId("quorum-at-opening")).ToContainTextAsync("11 av 11 tjänstgör. Nämnden är beslutför.");

        // Ordförande and justerare are appointed.
        var signers = page.GetByTestId("signers-form");
        await signers.GetByLabel("Ordförande").SelectOptionAsync(new SelectOptionValue { Label = "Sara Westerlund (S)" });
        await signers.GetByLabel("Justerare").SelectOptionAsync(new SelectOptionValue { Label = "Lars Ledamot (S)" });
        await signers.GetByRole(AriaRole.Button, new() { Name = "Spara ordförande och justerare" }).ClickAsync();
        await Expect(page.GetByText("Ordförande och justerare är sparade.")).ToBeVisibleAsync();

        // The decision §: its att-sats is written, an SD ledamot moves avslag, the vote goes 9–2, and the Nej side reserves itself.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paragrafer" }).ClickAsync();
        await WriteDecisionAsync(page, ClosedTitle, "avslå ansökan");
        await WriteDecisionAsync(page, decisionTitle, "anta lokalförsörjningsplanen");
        var serving = await page.GetByTestId("vote-form").Locator("tbody th").AllTextContentsAsync();
        var sd = serving.Where(n => n.Contains("(SD)", StringComparison.Ordinal)).ToList();
        sd.Count.ShouldBe(2);
        var proposal = page.GetByTestId("proposal-form");
        await proposal.GetByLabel("Vem").SelectOptionAsync(new SelectOptionValue { Label = sd[0] });
        await proposal.GetByLabel("Slag").SelectOptionAsync(new SelectOptionValue { Label = "Avslag" });
        await proposal.GetByLabel("Yrkandet").FillAsync("att avslå förslaget");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Anteckna yrkandet" }).ClickAsync();
        await Expect(page.GetByTestId("proposals")).ToContainTextAsync($"{sd[0]}: Avslag – att avslå förslaget");

        var vote = page.GetByTestId("vote-form");
        await vote.GetByLabel("Ja innebär").FillAsync("bifall till förvaltningens förslag");
        await vote.GetByLabel("Nej innebär").FillAsync("bifall till avslagsyrkandet");
        foreach (var name in serving)
        {
            await vote.GetByRole(AriaRole.Radio, new() { Name = $"{name} {(sd.Contains(name) ? "Nej" : "Ja")}", Exact = true }).CheckAsync();
        }

        await vote.GetByRole(AriaRole.Button, new() { Name = "Anteckna omröstningen" }).ClickAsync();
        await Expect(page.GetByTestId("vote-result")).ToContainTextAsync("9 ja, 2 nej, 0 avstår; Ja vann med röstövervikt");
        var reservation = page.GetByTestId("reservation-form");
        await reservation.GetByLabel("Vem").SelectOptionAsync(new SelectOptionValue { Label = sd[0] });
        await reservation.GetByLabel("Skäl (valfritt)").FillAsync("till förmån för eget yrkande");
        await reservation.GetByRole(AriaRole.Button, new() { Name = "Anteckna reservationen" }).ClickAsync();
        await Expect(page.GetByTestId("reservations")).ToContainTextAsync($"{sd[0]} reserverar sig mot beslutet: till förmån för eget yrkande");

        // A reservation announced after the meeting closed is refused with the rule's words (rule 10).
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta sammanträdet" }).ClickAsync();
        await Expect(page.GetByText("Sammanträdet är avslutat. Reservationer kan inte längre anmälas.")).ToBeVisibleAsync();
        await reservation.GetByLabel("Vem").SelectOptionAsync(new SelectOptionValue { Label = sd[1] });
        await reservation.GetByRole(AriaRole.Button, new() { Name = "Anteckna reservationen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "innan sammanträdet avslutas" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Justering" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka för justering" }).ClickAsync();
        await Expect(page.GetByTestId("minutes-status")).ToHaveTextAsync("Skickat för justering", new() { Timeout = 60_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The chair and the justerare sign, each with password and a fresh code.
        await SignAsync("sara.westerlund@exempelby.se", ChairKey, minutesUrl, expectJusterat: false);
        await SignAsync("ledamot@exempelby.se", LarsKey, minutesUrl, expectJusterat: true);

        // The anslag is on the public anslagstavla.
        var anonymous = await portal.Browser.NewPageAsync();
        await anonymous.GotoAsync($"{portal.App.BaseUrl}/anslagstavla");
        var meetingDay = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await anonymous.GetByRole(AriaRole.Link, new() { Name = $"Justerat protokoll, Omsorgsnämnden {meetingDay}" }).First.ClickAsync();
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Justerat protokoll, Omsorgsnämnden {meetingDay}");
        await Expect(anonymous.Locator("main")).ToContainTextAsync("Förvaringsplats för protokollet");
        await Expect(anonymous.Locator("main")).ToContainTextAsync("laglighetsprövning");
        (await Accessibility.SeriousViolationsAsync(anonymous)).ShouldBeEmpty();

        // The secretary reviews and publishes the public version; it shows the closed § only as a placeholder.
        await page.ReloadAsync();
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Justering" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Granska den offentliga versionen" }).ClickAsync();
        var publish = page.GetByTestId("publish-form");
        await Expect(page.Locator(".minutes-preview")).ToContainTextAsync("Ärende som omfattas av sekretess");
        await Expect(page.Locator(".minutes-preview")).Not.ToContainTextAsync("Sven Svensson");
        await publish.GetByLabel("Jag har granskat den offentliga versionen").CheckAsync();
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publicera på anslagstavlan" }).ClickAsync();
        await Expect(page.GetByText("Den offentliga versionen är publicerad på anslagstavlan.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var minutesId = minutesUrl[(minutesUrl.LastIndexOf('/') + 1)..];
        await anonymous.GotoAsync($"{portal.App.BaseUrl}/anslagstavla/protokoll/{minutesId}");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Protokoll, Omsorgsnämnden {meetingDay}");
        var body = anonymous.Locator("main");
        await Expect(body).ToContainTextAsync("Paragrafen innehåller uppgifter som omfattas av sekretess enligt OSL 26 kap. 1 §");
        await Expect(body).ToContainTextAsync($"{sd[0]} reserverar sig mot beslutet");
        await Expect(body).Not.ToContainTextAsync("Sven Svensson");
        await Expect(body).Not.ToContainTextAsync(ClosedTitle);
        (await Accessibility.SeriousViolationsAsync(anonymous)).ShouldBeEmpty();
        await anonymous.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^§ \d+ {Regex.Escape(decisionTitle)}") }).ClickAsync();
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex($@"^§ \d+ – {Regex.Escape(decisionTitle)}$"));
        await Expect(anonymous.GetByRole(AriaRole.Table)).ToContainTextAsync(sd[0]);
        (await Accessibility.SeriousViolationsAsync(anonymous)).ShouldBeEmpty();

        // A mistake found afterwards: the justerat protokoll cannot change, so the secretary writes a rättelse of the §,
        // the chair and the justerare sign its print, and it goes up on the anslagstavla on its own (rule 13).
        var corrections = page.GetByTestId("corrections");
        var correctionForm = page.GetByTestId("correction-form");
        await correctionForm.GetByLabel("Rättelsen avser").SelectOptionAsync(new SelectOptionValue { Label = $"§ {await SectionNumberAsync(page, decisionTitle)} – {decisionTitle}" });
        await correctionForm.GetByLabel("Rättelse", new() { Exact = true }).FillAsync("Planen ska gälla från och med den 1 mars, inte den 1 februari.");
        await correctionForm.GetByRole(AriaRole.Button, new() { Name = "Skriv ut rättelsen för justering" }).ClickAsync();
        await Expect(page.GetByText("Rättelsen är utskriven och väntar på justering.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(corrections.GetByTestId("correction-status")).ToHaveTextAsync("väntar på justering");
        await Expect(correctionForm).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await SignCorrectionAsync("sara.westerlund@exempelby.se", ChairKey, minutesUrl, expectJusterad: false);
        await SignCorrectionAsync("ledamot@exempelby.se", LarsKey, minutesUrl, expectJusterad: true);
        await anonymous.GotoAsync($"{portal.App.BaseUrl}/anslagstavla");
        await anonymous.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^Justerad rättelse 1 av § \d+ i protokoll, Omsorgsnämnden {meetingDay}$") }).ClickAsync();
        await Expect(anonymous.Locator("main")).ToContainTextAsync("Justerad rättelse av protokoll");
        await Expect(anonymous.Locator("main")).ToContainTextAsync("Rättelsen justerades");
        await Expect(anonymous.Locator("main")).ToContainTextAsync("Det justerade protokollet har rättats.");
        (await Accessibility.SeriousViolationsAsync(anonymous)).ShouldBeEmpty();
        await Journey.ExpectNoErrorBannerAsync(page);
    }

    /// <summary>The number the § titled <paramref name="title"/> got, read from the Paragrafer tab's list.</summary>
    private static async Task<string> SectionNumberAsync(IPage page, string title)
    {
        var text = await page.GetByTestId("correction-form").Locator("option").Filter(new() { HasText = title }).TextContentAsync();
        return Regex.Match(text!, @"§ (\d+)").Groups[1].Value;
    }

    /// <summary>The last code each key signed with: a code is accepted once, so the next signature waits for the next one.</summary>
    private readonly Dictionary<string, string> _usedCodes = [];

    private async Task<string> FreshCodeAsync(string key)
    {
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        while (_usedCodes.GetValueOrDefault(key) == code)
        {
            await Task.Delay(1000);
            code = Totp.Code(key, DateTimeOffset.UtcNow);
        }

        _usedCodes[key] = code;
        return code;
    }

    private async Task SignCorrectionAsync(string email, string key, string minutesUrl, bool expectJusterad)
    {
        var page = await portal.Browser.NewPageAsync(1400, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, email);
        await Expect(page.GetByTestId("minutes-to-approve")).ToContainTextAsync("Rättelse 1 av §");
        await page.GotoAsync(minutesUrl);
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Justering" }).ClickAsync();
        var form = page.GetByTestId("correction-approve-form");
        await form.GetByLabel("Lösenord").FillAsync(Journey.DemoPassword);
        await form.GetByLabel("Engångskod").FillAsync(await FreshCodeAsync(key));
        await form.GetByRole(AriaRole.Button, new() { Name = "Justera rättelsen" }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Du har justerat rättelse 1 av § \d+\.$"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var status = page.GetByTestId("corrections").GetByTestId("correction-status");
        if (expectJusterad)
        {
            await Expect(status).ToContainTextAsync("justerad ");
            await Expect(page.GetByTestId("corrections")).ToContainTextAsync("Anslaget om rättelsen på anslagstavlan");
        }
        else
        {
            await Expect(status).ToContainTextAsync("väntar på justering (justerad hittills av Sara Westerlund (S))");
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task SignAsync(string email, string key, string minutesUrl, bool expectJusterat)
    {
        var page = await portal.Browser.NewPageAsync(1400, 1000);
        await Journey.LogInAsync(page, portal.App.BaseUrl, email);
        await page.GetByTestId("minutes-to-approve").GetByRole(AriaRole.Link).Filter(new() { HasText = "Omsorgsnämnden" }).First.WaitForAsync();
        await page.GotoAsync(minutesUrl);
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Justering" }).ClickAsync();
        var form = page.GetByTestId("approve-form");
        await form.GetByLabel("Lösenord").FillAsync(Journey.DemoPassword);
        await form.GetByLabel("Engångskod").FillAsync(await FreshCodeAsync(key));
        await form.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet" }).ClickAsync();
        await Expect(page.GetByText("Du har justerat protokollet.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        if (expectJusterat)
        {
            await Expect(page.GetByTestId("justerat")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("minutes-status")).ToHaveTextAsync("Justerat");
        }
        else
        {
            await Expect(page.GetByTestId("signers")).ToContainTextAsync("Ordförande: Sara Westerlund (S) – justerade");
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>Writes the decision of the § titled <paramref name="title"/> in the § editor and saves it.</summary>
    private static async Task WriteDecisionAsync(IPage page, string title, string decision)
    {
        await page.GetByTestId("section-nav").GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(title)) }).ClickAsync();
        var editor = page.GetByTestId("section-editor");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(title);
        await editor.GetByLabel("Beslut (en att-sats per rad, utan ”att”)").FillAsync(decision);
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Spara §") }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^§ \d+ är sparad\.$"))).ToBeVisibleAsync();
    }

    /// <summary>
    /// A meeting of Omsorgsnämnden today whose kallelse went out, with Val av justerare, a decision on a case of its own and
    /// a closed decision naming a person — written as the agenda and the kallelse would have left them.
    /// </summary>
    private async Task<(Guid MeetingId, string DecisionTitle)> InsertCalledMeetingAsync()
    {
        var meetingId = Guid.CreateVersion7();
        var decisionTitle = $"Lokalförsörjningsplan {Random.Shared.Next(1000, 9999)}";
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO meetings (id, organ_id, starts_at, ends_at, place, status, schedule_revision, agenda_revision, notice_version_number, created_at, created_by)
            SELECT @meeting, id, @starts, @ends, 'Kommunhuset, sammanträdesrum Björken', 'KallelseSkickad', 0, 3, 1, now(), 'e2e'
            FROM organs WHERE short_name = 'OMN';
            INSERT INTO cases (id, organ_id, prefix, year, sequence, number, title, registered_on, status, created_at, created_by)
            SELECT @case1, id, 'OMF', 2098, @seq, 'OMF-2098-' || @seq, @title, current_date, 'PaForedragningslista', now(), 'e2e' FROM organs WHERE short_name = 'OMN';
            INSERT INTO cases (id, organ_id, prefix, year, sequence, number, title, registered_on, status, created_at, created_by)
            SELECT @case2, id, 'OMF', 2098, @seq + 1, 'OMF-2098-' || (@seq + 1), @closed, current_date, 'PaForedragningslista', now(), 'e2e' FROM organs WHERE short_name = 'OMN';
            INSERT INTO agenda_items (id, meeting_id, position, kind, title, is_closed, is_late_addition, created_at, created_by)
            VALUES (gen_random_uuid(), @meeting, 1, 'Standard', 'Val av justerare', false, false, now(), 'e2e');
            INSERT INTO agenda_items (id, meeting_id, position, kind, title, case_id, case_number, is_closed, is_late_addition, created_at, created_by)
            VALUES (gen_random_uuid(), @meeting, 2, 'Decision', @title, @case1, 'OMF-2098-' || @seq, false, false, now(), 'e2e');
            INSERT INTO agenda_items (id, meeting_id, position, kind, title, case_id, case_number, is_closed, is_late_addition, created_at, created_by)
            VALUES (gen_random_uuid(), @meeting, 3, 'Decision', @closed, @case2, 'OMF-2098-' || (@seq + 1), true, false, now(), 'e2e');
            """, connection);
        var starts = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(8), TimeSpan.Zero);
        insert.Parameters.AddWithValue("meeting", meetingId);
        insert.Parameters.AddWithValue("starts", starts);
        insert.Parameters.AddWithValue("ends", starts.AddHours(3));
        insert.Parameters.AddWithValue("case1", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("case2", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("seq", Random.Shared.Next(1000, 8000));
        insert.Parameters.AddWithValue("title", decisionTitle);
        insert.Parameters.AddWithValue("closed", ClosedTitle);
        await insert.ExecuteNonQueryAsync();
        return (meetingId, decisionTitle);
    }
}
