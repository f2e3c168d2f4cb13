using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Files;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Files;

/// <summary>A printed tjänsteskrivelse goes to whoever may read the tjänsteskrivelse, decided at each download.</summary>
public class ProducedFileAccessTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string NotThere = "Filen finns inte, eller så saknar du behörighet att se det.";
    private static readonly byte[] Pdf = "%PDF-1.7 tjänsteskrivelse"u8.ToArray();

    [Fact]
    public async Task Officer_report_pdf_goes_to_whoever_may_read_the_cases_tjänsteskrivelse_not_to_another_organ()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var file = await InsertReportPdfAsync(s, requestedBy: s.Officer, containsSecret: false);
        var secretary = await SecretaryOfAsync(s.Organ);

        // The administrator reads the case page's tjänsteskrivelse (ReadCase), so also its PDF: no more, no less.
        foreach (var allowed in new[] { s.Officer, secretary, s.Member, await CreateUserAsync("alva.admin", Roles.Administrator) })
        {
            var got = (await Handler(s, allowed).HandleAsync(new GetStoredFile(file.Id))).Value.ShouldNotBeNull(allowed.UserName);
            got.Content.ShouldBe(Pdf);
            got.FileName.ShouldBe("tjansteskrivelse-OMF-2026-12.pdf");
            got.ContainsSecret.ShouldBeFalse();
        }

        foreach (var refused in new[] { s.Outsider, await CreateUserAsync("rut.revisor", Roles.Auditor) })
        {
            (await Handler(s, refused).HandleAsync(new GetStoredFile(file.Id))).Error!.Message.ShouldBe(NotThere, refused.UserName);
        }

        (await Handler(s, s.Member).HandleAsync(new GetStoredFile(Guid.NewGuid()))).Error!.Message
            .ShouldBe(NotThere, "a forbidden file answers exactly as an unknown one");
    }

    [Fact]
    public async Task Sample_goes_to_the_user_who_asked_and_not_to_an_administrator()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var file = await InsertAsync(StoredFile.ForSample("provutskrift-kallelse.pdf", "application/pdf", Pdf, s.Member.UserId));

        (await Handler(s, s.Member).HandleAsync(new GetStoredFile(file.Id))).Value.ShouldNotBeNull().Content.ShouldBe(Pdf);
        foreach (var refused in new[] { await CreateUserAsync("alva.admin", Roles.Administrator), s.Officer })
        {
            (await Handler(s, refused).HandleAsync(new GetStoredFile(file.Id))).Error!.Message.ShouldBe(NotThere, refused.UserName);
        }
    }

    [Fact]
    public async Task Member_who_made_the_pdf_loses_it_when_their_membership_ends()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var file = await InsertReportPdfAsync(s, requestedBy: s.Member, containsSecret: false);
        (await Handler(s, s.Member).HandleAsync(new GetStoredFile(file.Id))).Value.ShouldNotBeNull();

        await using (var db = Database.CreateContext())
        {
            var person = await db.Persons.SingleAsync(p => p.UserId == s.Member.UserId);
            var membership = await db.Memberships.SingleAsync(m => m.PersonId == person.Id);
            membership.End(OfficerReportScenario.Today.AddDays(-1));
            await db.SaveChangesAsync();
        }

        (await Handler(s, s.Member).HandleAsync(new GetStoredFile(file.Id))).Error!.Message
            .ShouldBe(NotThere, "access comes from the tjänsteskrivelse, not from having asked for the PDF");
    }

    [Fact]
    public async Task Pdf_with_secret_material_goes_only_to_who_may_read_secret_handlingar_not_an_administrator_and_each_download_is_audited()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var file = await InsertReportPdfAsync(s, requestedBy: s.Member, containsSecret: true);
        var secretary = await SecretaryOfAsync(s.Organ);

        var administrator = await CreateUserAsync("alva.admin", Roles.Administrator);
        foreach (var refused in new[] { s.Member, s.OtherOfficer, administrator })
        {
            (await Handler(s, refused).HandleAsync(new GetStoredFile(file.Id))).Error!.Message.ShouldBe(NotThere, refused.UserName);
        }

        await using (var db = Database.CreateContext())
        {
            (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretDownloaded)).ShouldBe(0, "a refused request reads nothing");
        }

        foreach (var entitled in new[] { s.Officer, secretary })
        {
            var got = (await Handler(s, entitled).HandleAsync(new GetStoredFile(file.Id))).Value.ShouldNotBeNull(entitled.UserName);
            got.ContainsSecret.ShouldBeTrue();
            got.Content.ShouldBe(Pdf);
        }

        await using (var db = Database.CreateContext())
        {
            var lines = await db.AuditTrail.Where(a => a.Action == AuditActions.SecretDownloaded).OrderBy(a => a.Id).ToListAsync();
            lines.Select(l => l.UserId).ShouldBe([s.Officer.UserId, secretary.UserId]);
            lines.ShouldAllBe(l => l.Action == AuditActions.SecretDownloaded && l.EntityType == nameof(StoredFile)
                && l.EntityId == file.Id && l.CaseId == s.Case.Id && l.Summary == "Tjänsteskrivelse i ärende OMF-2026-12 (PDF), med sekretessmarkerat innehåll");
        }
    }

    [Fact]
    public async Task Pdf_with_secret_material_is_not_handed_out_when_its_audit_line_cannot_be_saved()
    {
        var s = await OfficerReportScenario.CreateAsync(Database);
        var file = await InsertReportPdfAsync(s, requestedBy: s.Officer, containsSecret: true);
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$;
            CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_trail FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();
            """);
        try
        {
            ProducedFile? handedOut = null;
            await Should.ThrowAsync<DbUpdateException>(async () => handedOut = (await Handler(s, s.Officer).HandleAsync(new GetStoredFile(file.Id))).Value);
            handedOut.ShouldBeNull("no byte leaves before the read is on record");
        }
        finally
        {
            await Execute(connection, "DROP TRIGGER test_refuse_audit ON audit_trail; DROP FUNCTION test_refuse_audit();");
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static GetStoredFileHandler Handler(OfficerReportScenario s, TestUser user) =>
        new(s.Factory(user), s.Access(user), new AuditTrailRecorder(user, s.Clock));

    private async Task<StoredFile> InsertReportPdfAsync(OfficerReportScenario s, TestUser requestedBy, bool containsSecret)
    {
        var report = await InsertAsync(new OfficerReport(s.Case.Id));
        return await InsertAsync(StoredFile.ForOfficerReport("tjansteskrivelse-OMF-2026-12.pdf", Pdf, requestedBy.UserId, report.Id, s.Case.Id, containsSecret));
    }

    private async Task<TestUser> SecretaryOfAsync(Organ organ)
    {
        var secretary = await CreateUserAsync("sara.sekreterare", Roles.Secretary);
        await InsertAsync(new OrganOfficial(secretary.UserId!.Value, organ.Id, OfficialFunction.Namndsekreterare));
        return secretary;
    }
}
