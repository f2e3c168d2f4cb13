using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.AuditTrail;

/// <summary>The administrators' view of the audit trail: filters in Stockholm days, paging, refusal for others, the CSV export.</summary>
public class ListAuditTrailTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly TestUser _admin = new(Guid.NewGuid(), "alva.admin@exempelby.se", Roles.Administrator);

    [Fact]
    public async Task Date_filter_takes_whole_Stockholm_days_around_midnight()
    {
        // Stockholm is UTC+1 in November, UTC+2 in July.
        await AddLinesAsync(
            Line("2026-11-21T22:59:59Z", "före midnatt 21/22"),
            Line("2026-11-21T23:00:00Z", "midnatt, första sekunden den 22"),
            Line("2026-11-22T13:05:09Z", "mitt på dagen den 22"),
            Line("2026-11-22T22:59:59Z", "sista sekunden den 22"),
            Line("2026-11-22T23:00:00Z", "midnatt, första sekunden den 23"),
            Line("2026-06-30T21:59:59Z", "sista sekunden den 30 juni"),
            Line("2026-06-30T22:00:00Z", "midnatt, första sekunden den 1 juli"));

        var day = await ListAsync(new ListAuditTrail { From = new DateOnly(2026, 11, 22), To = new DateOnly(2026, 11, 22) });
        day.Rows.Select(r => r.Summary).ShouldBe(["sista sekunden den 22", "mitt på dagen den 22", "midnatt, första sekunden den 22"]);
        day.TotalCount.ShouldBe(3);
        day.Rows[1].LocalTime.ShouldBe("2026-11-22 14.05.09");

        var summer = await ListAsync(new ListAuditTrail { From = new DateOnly(2026, 7, 1), To = new DateOnly(2026, 7, 1) });
        summer.Rows.Select(r => r.Summary).ShouldBe(["midnatt, första sekunden den 1 juli"]);
        summer.Rows[0].LocalTime.ShouldBe("2026-07-01 00.00.00");

        (await ListAsync(new ListAuditTrail { From = new DateOnly(2026, 11, 23) })).Rows.Select(r => r.Summary).ShouldBe(["midnatt, första sekunden den 23"]);
        (await ListAsync(new ListAuditTrail { To = new DateOnly(2026, 6, 30) })).Rows.Select(r => r.Summary).ShouldBe(["sista sekunden den 30 juni"]);

        var backwards = await Handler(_admin).HandleAsync(new ListAuditTrail { From = new DateOnly(2026, 11, 23), To = new DateOnly(2026, 11, 22) });
        backwards.Error!.Message.ShouldBe("Till-datumet kan inte vara före från-datumet.");
    }

    [Fact]
    public async Task User_action_case_number_and_text_filters_narrow_the_list()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var seven = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst", new DateOnly(2026, 11, 2), null));
        var seventy = await InsertAsync(new Case(organ.Id, "OMF", 2026, 70, "OMF-2026-70", "Bostadsanpassning", new DateOnly(2026, 11, 3), null));
        await AddLinesAsync(
            Line("2026-11-22T08:00:00Z", "Ärende OMF-2026-7", user: "sara.sekreterare@exempelby.se", action: AuditActions.Created, caseId: seven.Id),
            Line("2026-11-22T09:00:00Z", "Ärende OMF-2026-7: ändrade Status", user: "hanna.handlaggare@exempelby.se", caseId: seven.Id),
            Line("2026-11-22T10:00:00Z", "Handling 1 i ärende OMF-2026-7 (OSL 26 kap. 1 §)", user: "Sara.Sekreterare@exempelby.se",
                action: AuditActions.SecretRead, caseId: seven.Id, entityType: nameof(CaseDocument)),
            Line("2026-11-22T11:00:00Z", "Ärende OMF-2026-70: ändrade Title", user: "sara.sekreterare@exempelby.se", caseId: seventy.Id),
            Line("2026-11-22T12:00:00Z", "Rabatt 100% på _allt_", user: "system"),
            Line("2026-11-22T12:30:00Z", "Ärende OMF-2026-70: ändrade CaseOfficerUserId", user: "åsa.öberg@exempelby.se", caseId: seventy.Id));

        var sara = await ListAsync(new ListAuditTrail { UserName = "SARA.sek" });
        sara.Rows.Select(r => r.At.Hour).ShouldBe([11, 10, 8]);
        (await ListAsync(new ListAuditTrail { UserName = "ÅSA.Ö" })).Rows.Single().Summary.ShouldEndWith("CaseOfficerUserId");

        var reads = await ListAsync(new ListAuditTrail { Action = AuditActions.SecretRead });
        reads.Rows.Single().Summary.ShouldStartWith("Handling 1 i ärende OMF-2026-7");
        reads.Rows.Single().EntityTypeName.ShouldBe("Handling");

        var byNumber = await ListAsync(new ListAuditTrail { CaseNumber = " omf-2026-7 " });
        byNumber.Rows.Select(r => r.At.Hour).ShouldBe([10, 9, 8]);
        byNumber.Rows.ShouldAllBe(r => r.CaseNumber == "OMF-2026-7" && r.CaseId == seven.Id);
        (await ListAsync(new ListAuditTrail { CaseNumber = "OMF-2026-70" })).Rows.Select(r => r.CaseNumber).ShouldBe(["OMF-2026-70", "OMF-2026-70"]);
        (await ListAsync(new ListAuditTrail { CaseNumber = "OMF-2026-9" })).TotalCount.ShouldBe(0);

        (await ListAsync(new ListAuditTrail { EntityType = nameof(CaseDocument) })).Rows.Single().Action.ShouldBe(AuditActions.SecretRead);
        (await ListAsync(new ListAuditTrail { Text = "ändrade status" })).Rows.Single().UserName.ShouldBe("hanna.handlaggare@exempelby.se");
        (await ListAsync(new ListAuditTrail { Text = "100%" })).Rows.Single().UserName.ShouldBe("system");
        (await ListAsync(new ListAuditTrail { Text = "0%" })).Rows.Single().UserName.ShouldBe("system");
        (await ListAsync(new ListAuditTrail { Text = "_allt_" })).TotalCount.ShouldBe(1);
        (await ListAsync(new ListAuditTrail { Text = "a_l" })).TotalCount.ShouldBe(0, "_ is taken literally, not as any character");

        var combined = await ListAsync(new ListAuditTrail { UserName = "sara", CaseNumber = "OMF-2026-7", Action = AuditActions.Created });
        combined.Rows.Single().Summary.ShouldBe("Ärende OMF-2026-7");

        var unknownAction = await Handler(_admin).HandleAsync(new ListAuditTrail { Action = "Raderad" });
        unknownAction.Error!.Message.ShouldBe("Välj en händelse i listan.");
    }

    [Fact]
    public async Task Pages_run_newest_first_and_the_count_is_of_the_whole_selection()
    {
        var start = DateTimeOffset.Parse("2026-11-22T08:00:00Z", CultureInfo.InvariantCulture);
        await AddLinesAsync(Enumerable.Range(1, 7).Select(i => Line(start.AddMinutes(i), $"Rad {i}")).ToArray());

        var first = await ListAsync(new ListAuditTrail { Page = 1, PageSize = 3 });
        first.TotalCount.ShouldBe(7);
        first.Rows.Select(r => r.Summary).ShouldBe(["Rad 7", "Rad 6", "Rad 5"]);
        (await ListAsync(new ListAuditTrail { Page = 2, PageSize = 3 })).Rows.Select(r => r.Summary).ShouldBe(["Rad 4", "Rad 3", "Rad 2"]);
        var last = await ListAsync(new ListAuditTrail { Page = 3, PageSize = 3 });
        last.Rows.Select(r => r.Summary).ShouldBe(["Rad 1"]);
        last.TotalCount.ShouldBe(7);
        (await ListAsync(new ListAuditTrail { Page = 4, PageSize = 3 })).Rows.ShouldBeEmpty();

        var tooMany = await Handler(_admin).HandleAsync(new ListAuditTrail { PageSize = 201 });
        tooMany.Error!.Message.ShouldBe("Visa mellan 1 och 200 rader per sida.");
        (await ListAsync(new ListAuditTrail { PageSize = 200 })).Rows.Count.ShouldBe(7);
    }

    [Theory]
    [InlineData(Roles.Secretary)]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.CaseOfficer)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Member)]
    public async Task Anyone_but_an_administrator_is_refused_the_list_and_the_export(string role)
    {
        await AddLinesAsync(Line("2026-11-22T08:00:00Z", "Ärende OMF-2026-7"));
        var user = new TestUser(Guid.NewGuid(), "nagon@exempelby.se", role);

        (await Handler(user).HandleAsync(new ListAuditTrail())).Error!.Code.ShouldBe("forbidden");
        (await ExportHandler(user).HandleAsync(new ListAuditTrail())).Error!.Code.ShouldBe("forbidden");
        (await Handler(TestUser.Anonymous).HandleAsync(new ListAuditTrail())).Error!.Code.ShouldBe("forbidden");
    }

    [Fact]
    public async Task Csv_export_holds_the_selected_lines_for_Swedish_Excel_with_formulas_neutralised()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var @case = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst", new DateOnly(2026, 11, 2), null));
        await AddLinesAsync(
            Line("2026-11-22T13:05:09Z", "=HYPERLINK(\"http://exempel.invalid\";\"Klicka\")", user: "@angripare", caseId: @case.Id),
            Line("2026-11-22T14:00:00Z", "Ärende OMF-2026-7: ändrade Status; Title", user: "åsa.öberg@exempelby.se", caseId: @case.Id),
            Line("2026-11-20T14:00:00Z", "Utanför urvalet", user: "åsa.öberg@exempelby.se"));

        var result = await ExportHandler(_admin).HandleAsync(new ListAuditTrail { From = new DateOnly(2026, 11, 22), Page = 5, PageSize = 1 });

        var file = result.Value!;
        file.FileName.ShouldBe("handelselogg-2026-11-25.csv");
        file.ContentType.ShouldBe("text/csv; charset=utf-8");
        file.Content.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(file.Content.AsSpan(3));
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        }

        rows[0].ShouldBe(["Nr", "Tid", "Användare", "Adress", "Händelse", "Typ av post", "Ärende", "Beskrivning"]);
        rows.Count.ShouldBe(3, "the header and the two lines of 22 November, whatever page the screen was on");
        rows[1][1..].ShouldBe(["2026-11-22 15.00.00", "åsa.öberg@exempelby.se", "198.51.100.4", AuditActions.Changed, "Ärende", "OMF-2026-7", "Ärende OMF-2026-7: ändrade Status; Title"]);
        rows[2][1..].ShouldBe(["2026-11-22 14.05.09", "'@angripare", "198.51.100.4", AuditActions.Changed, "Ärende", "OMF-2026-7", "'=HYPERLINK(\"http://exempel.invalid\";\"Klicka\")"]);
        rows.SelectMany(r => r).ShouldAllBe(cell => cell.Length == 0 || !"=+-@".Contains(cell[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secret_handlings_versions_are_shown_and_exported_without_size_or_checksum_even_when_marked_after_upload()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var @case = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst", new DateOnly(2026, 11, 2), null));
        var secret = await InsertAsync(new CaseDocument(@case.Id, 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), "En enskild", "Orosanmälan"));
        var open = await InsertAsync(new CaseDocument(@case.Id, 2, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), null, "Offentlig rapport"));
        var blobs = new[] { "hemlig"u8.ToArray(), "hemlig 2"u8.ToArray(), "offentlig"u8.ToArray() }.Select(b => new FileBlob(b)).ToList();
        await using (var db = Database.CreateContext())
        {
            db.FileBlobs.AddRange(blobs);
            await db.SaveChangesAsync();
        }

        var (secretSha, laterSha, openSha) = (blobs[0].Sha256, blobs[1].Sha256, blobs[2].Sha256);
        var factory = new TestDbContextFactory(Database, _admin, _clock);
        await using (var db = factory.Create())
        {
            // Uploaded before it was marked: the line written then holds size and checksum.
            db.DocumentVersions.AddRange(
                new DocumentVersion(@case.Id, secret.Id, 1, "orosanmalan.pdf", FileKind.Pdf, "application/pdf", 1234, secretSha),
                new DocumentVersion(@case.Id, open.Id, 1, "rapport.pdf", FileKind.Pdf, "application/pdf", 4321, openSha));
            await db.SaveChangesAsync();
        }

        await using (var db = factory.Create())
        {
            (await db.CaseDocuments.FindAsync(secret.Id))!.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 22), null, "Sara Sekreterare");
            await db.SaveChangesAsync();
            db.DocumentVersions.Add(new DocumentVersion(@case.Id, secret.Id, 2, "orosanmalan-2.pdf", FileKind.Pdf, "application/pdf", 2345, laterSha));
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateContext())
        {
            (await db.AuditTrail.SingleAsync(l => l.Summary.StartsWith("Version 2"))).Summary
                .ShouldBe("Version 2 av en handling", "a version of a secret handling is written without size and checksum");
        }

        var versions = (await ListAsync(new ListAuditTrail { EntityType = nameof(DocumentVersion) })).Rows.Select(r => r.Summary).ToList();
        versions.ShouldBe(["Version 2 av en handling", "Version 1 av en handling", $"Version 1 av en handling (4321 byte, SHA-256 {openSha})"], ignoreOrder: true);
        (await ListAsync(new ListAuditTrail { Text = secretSha })).TotalCount.ShouldBe(0, "a checksum left out cannot be searched for");
        (await ListAsync(new ListAuditTrail { Text = "1234 byte" })).TotalCount.ShouldBe(0);
        (await ListAsync(new ListAuditTrail { Text = openSha })).TotalCount.ShouldBe(1);

        var export = Encoding.UTF8.GetString((await ExportHandler(_admin).HandleAsync(new ListAuditTrail())).Value!.Content);
        export.ShouldNotContain(secretSha);
        export.ShouldNotContain(laterSha);
        export.ShouldNotContain("1234 byte");
        export.ShouldContain(openSha);
    }

    private async Task<AuditTrailList> ListAsync(ListAuditTrail request)
    {
        var result = await Handler(_admin).HandleAsync(request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private ListAuditTrailHandler Handler(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        return new ListAuditTrailHandler(factory, new AccessService(factory, user, _clock), new ListAuditTrailValidator());
    }

    private ExportAuditTrailHandler ExportHandler(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        return new ExportAuditTrailHandler(factory, new AccessService(factory, user, _clock), new ListAuditTrailValidator(), _clock);
    }

    private static AuditTrailEntry Line(string at, string summary, string? user = "hanna.handlaggare@exempelby.se", string action = AuditActions.Changed,
        Guid? caseId = null, string entityType = nameof(Case)) =>
        Line(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), summary, user, action, caseId, entityType);

    private static AuditTrailEntry Line(DateTimeOffset at, string summary, string? user = "hanna.handlaggare@exempelby.se", string action = AuditActions.Changed,
        Guid? caseId = null, string entityType = nameof(Case)) =>
        new(at, null, user, "198.51.100.4", action, entityType, caseId, caseId, summary);

    private async Task AddLinesAsync(params AuditTrailEntry[] lines)
    {
        await using var db = Database.CreateContext();
        db.AuditTrail.AddRange(lines);
        await db.SaveChangesAsync();
    }
}
