using Microsoft.Playwright;
using Nämndportal.E2E.Support;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nämndportal.E2E.Journeys;

/// <summary>
/// Issue 9's sending journey: the secretary prints the draft pack on the meeting page, sends the kallelse, follows the
/// job's progress and sees "Skickat" per recipient; the mail arrives at the SMTP server; axe on the page with the section.
/// </summary>
[Collection(PortalGroup.Name)]
public class NoticeJourneyTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Secretary_renders_the_draft_pack_sends_the_kallelse_and_sees_it_delivered_to_each_recipient()
    {
        try
        {
            await SendAsync();
        }
        catch
        {
            output.WriteLine("The portal's log:\n" + portal.App.Output);
            throw;
        }
    }

    private async Task SendAsync()
    {
        var meetingId = await InsertMeetingAsync();
        var page = await portal.Browser.NewPageAsync();
        await Journey.LogInAsync(page, portal.App.BaseUrl, "sekreterare@exempelby.se");
        await page.GotoAsync($"{portal.App.BaseUrl}/sammantraden/{meetingId}");
        await Journey.WaitForInteractiveAsync(page);
        await page.GetByLabel("Rubrik för ny punkt").FillAsync("Val av justerare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkt", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Punkten Val av justerare är tillagd sist.")).ToBeVisibleAsync();
        var section = page.GetByTestId("notice-section");
        await Expect(section.GetByTestId("notice-not-sent")).ToBeVisibleAsync();

        await section.GetByRole(AriaRole.Button, new() { Name = "Skapa handlingspaket (utkast)" }).ClickAsync();
        await Expect(section.GetByTestId("draft-task-download")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // Sent from the same page the agenda was built on: the section follows the meeting's version.
        await section.GetByTestId("send-notice").ClickAsync();
        await Expect(section.GetByTestId("send-task-status")).ToHaveTextAsync("Klart.", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Kallelse skickad");
        var statuses = section.GetByTestId("recipient-status");
        await Expect(statuses.First).ToBeVisibleAsync();
        await Expect(statuses.Filter(new() { HasText = "Väntar" })).ToHaveCountAsync(0);
        foreach (var text in await statuses.AllInnerTextsAsync())
        {
            text.ShouldMatch(@"^(Skickat \d{4}-\d{2}-\d{2} \d{2}\.\d{2}|Saknar e-post – skicka med post)$");
        }

        await Expect(statuses.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Skickat") }).First).ToBeVisibleAsync();
        await Expect(section.GetByTestId("pack-link").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Journey.ExpectNoErrorBannerAsync(page);

        // This meeting's kallelse only (the demo data's own kallelse went to the same server at start-up): its mails link to it.
        var mails = portal.Smtp.Received
            .Where(m => (m.Message.Subject ?? string.Empty).StartsWith("Kallelse: Omsorgsnämnden", StringComparison.Ordinal)
                        && (m.Message.TextBody ?? string.Empty).Contains($"/sammantraden/{meetingId}", StringComparison.Ordinal))
            .ToList();
        mails.ShouldNotBeEmpty();
        mails.SelectMany(m => m.EnvelopeTo).ShouldBeUnique();
        (mails[0].Message.TextBody ?? string.Empty).ShouldContain("1. Val av justerare");
    }

    /// <summary>A planned meeting of Omsorgsnämnden 20 days ahead, written as the meeting plan would write it.</summary>
    private async Task<Guid> InsertMeetingAsync()
    {
        var meetingId = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO meetings (id, organ_id, starts_at, ends_at, place, status, schedule_revision, agenda_revision, notice_version_number, created_at, created_by)
            SELECT @meeting, id, @starts, @ends, 'Kommunhuset, sammanträdesrum Eken', 'Planerat', 0, 0, 0, now(), 'e2e'
            FROM organs WHERE short_name = 'OMN';
            """, connection);
        // Within the demo term (it ends 2026-12-31), so the members are called, and in time for rule 1.
        var starts = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20).AddHours(12), TimeSpan.Zero);
        insert.Parameters.AddWithValue("meeting", meetingId);
        insert.Parameters.AddWithValue("starts", starts);
        insert.Parameters.AddWithValue("ends", starts.AddHours(3));
        await insert.ExecuteNonQueryAsync();
        return meetingId;
    }
}
