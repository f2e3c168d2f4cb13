using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.AuditTrail;

/// <summary>Spårbarhet: every change to a case and every read of a secret handling leaves a line no one can alter.</summary>
public class AuditTrailRecordingTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 13, 5, 9, TimeSpan.Zero));
    private readonly TestUser _registrar = new(Guid.NewGuid(), "rolf.registrator@exempelby.se", Roles.Registrar) { RemoteAddress = "192.0.2.17" };

    [Theory]
    [InlineData("UPDATE audit_trail SET summary = 'Ingenting hände', user_name = 'någon annan'")]
    [InlineData("DELETE FROM audit_trail")]
    [InlineData("TRUNCATE audit_trail")]
    public async Task Database_refuses_to_change_or_remove_a_line(string sql)
    {
        await using (var db = Database.CreateContext())
        {
            db.AuditTrail.Add(new AuditTrailEntry(_clock.GetUtcNow(), _registrar.UserId, _registrar.UserName, "192.0.2.17",
                AuditActions.Changed, nameof(Case), Guid.NewGuid(), Guid.NewGuid(), "Ärende OMF-2026-1: ändrade Status"));
            await db.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain("audit_trail är skrivskyddad");

        await using var check = Database.CreateContext();
        var line = await check.AuditTrail.SingleAsync();
        line.Summary.ShouldBe("Ärende OMF-2026-1: ändrade Status");
        line.UserName.ShouldBe(_registrar.UserName);
    }

    [Fact]
    public async Task Registering_a_case_writes_a_line_with_who_from_where_and_which_case()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var factory = new TestDbContextFactory(Database, _registrar, _clock);
        var handler = new RegisterCaseHandler(factory, new AccessService(factory, _registrar, _clock), new RegisterCaseValidator(), _registrar, _clock);

        var registered = (await handler.HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "Färdtjänst 2027" })).Value!;

        await using var db = Database.CreateContext();
        var line = await db.AuditTrail.SingleAsync();
        line.At.ShouldBe(_clock.GetUtcNow());
        line.UserId.ShouldBe(_registrar.UserId);
        line.UserName.ShouldBe("rolf.registrator@exempelby.se");
        line.RemoteAddress.ShouldBe("192.0.2.17");
        line.Action.ShouldBe(AuditActions.Created);
        line.EntityType.ShouldBe(nameof(Case));
        line.EntityId.ShouldBe(registered.Id);
        line.CaseId.ShouldBe(registered.Id);
        line.Summary.ShouldBe("Ärende OMF-2026-1");
    }

    [Fact]
    public async Task Changing_a_case_status_writes_a_line_naming_the_field()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var @case = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst 2027", new DateOnly(2026, 11, 2), null));
        var factory = new TestDbContextFactory(Database, _registrar, _clock);

        await using (var db = factory.Create())
        {
            (await db.Cases.SingleAsync(c => c.Id == @case.Id)).MoveTo(CaseStatus.UnderBeredning);
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        var line = await check.AuditTrail.SingleAsync();
        line.Action.ShouldBe(AuditActions.Changed);
        line.CaseId.ShouldBe(@case.Id);
        line.EntityId.ShouldBe(@case.Id);
        line.UserName.ShouldBe("rolf.registrator@exempelby.se");
        line.RemoteAddress.ShouldBe("192.0.2.17");
        line.Summary.ShouldBe("Ärende OMF-2026-7: ändrade Status");
        (await check.Cases.SingleAsync()).Status.ShouldBe(CaseStatus.UnderBeredning);
    }

    [Fact]
    public async Task Secret_handling_content_never_appears_in_the_trail()
    {
        const string description = "Orkidéutredningen-Zebra4711";
        const string counterpart = "Gunnel Hemligsson-Ozelot";
        const string newDescription = "Giraffbeslutet-0815";
        const string fileName = "Pelikanärendet-9042.pdf";
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var @case = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst 2027", new DateOnly(2026, 11, 2), null));
        var factory = new TestDbContextFactory(Database, _registrar, _clock);
        var content = "%PDF-1.7 hemligt"u8.ToArray();

        var document = new CaseDocument(@case.Id, 1, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), counterpart, description);
        await using (var db = factory.Create())
        {
            db.FileBlobs.Add(new FileBlob(content));
            db.CaseDocuments.Add(document);
            db.DocumentVersions.Add(new DocumentVersion(@case.Id, document.Id, 1, fileName, FileKind.Pdf, "application/pdf", content.Length, FileBlob.Checksum(content)));
            await db.SaveChangesAsync();
        }

        await using (var db = factory.Create())
        {
            var stored = await db.CaseDocuments.SingleAsync();
            stored.MarkSecret("OSL 26 kap. 1 §", new DateOnly(2026, 11, 22), _registrar.UserId, "Rolf Registrator");
            await db.SaveChangesAsync();
        }

        await using (var db = factory.Create())
        {
            var stored = await db.CaseDocuments.SingleAsync();
            stored.Describe(DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), counterpart + " II", newDescription);
            new AuditTrailRecorder(_registrar, _clock).SecretRead(db, stored, @case.Number, 1, download: true);
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        var lines = await check.AuditTrail.OrderBy(l => l.Id).ToListAsync();
        lines.Select(l => (l.Action, l.EntityType)).ShouldBe(
        [
            (AuditActions.Created, nameof(CaseDocument)),
            (AuditActions.Created, nameof(DocumentVersion)),
            (AuditActions.Changed, nameof(CaseDocument)),
            (AuditActions.Changed, nameof(CaseDocument)),
            (AuditActions.SecretDownloaded, nameof(CaseDocument)),
        ], ignoreOrder: true);
        lines.Where(l => l.Action == AuditActions.Changed).Select(l => l.Summary).ShouldBe(
            ["Handling 1: ändrade SecrecyMarkedByName, SecrecyMarkedByUserId, SecrecyMarkedOn, SecrecyProvision", "Handling 1: ändrade Counterpart, Description"],
            ignoreOrder: true);
        foreach (var word in new[] { "Zebra4711", "Ozelot", "Giraffbeslutet", "0815", "Pelikan", "Orkidé", "Hemligsson", "hemligt" })
        {
            lines.ShouldAllBe(l => !l.Summary.Contains(word, StringComparison.OrdinalIgnoreCase), $"the trail holds “{word}”");
        }
    }

    [Fact]
    public async Task Reading_a_secret_handling_writes_a_line()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var @case = await InsertAsync(new Case(organ.Id, "OMF", 2026, 7, "OMF-2026-7", "Färdtjänst 2027", new DateOnly(2026, 11, 2), null));
        var document = new CaseDocument(@case.Id, 3, DocumentDirection.Inkommen, new DateOnly(2026, 11, 20), null, "Läkarintyg");
        document.MarkSecret("26:1", new DateOnly(2026, 11, 22), null, "Sara Sekreterare");
        await InsertAsync(document);
        var factory = new TestDbContextFactory(Database, _registrar, _clock);

        await using (var db = factory.Create())
        {
            new AuditTrailRecorder(_registrar, _clock).SecretRead(db, document, @case.Number, 2, download: false);
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateContext();
        var line = await check.AuditTrail.SingleAsync();
        line.Action.ShouldBe("Läst sekretessmarkerad handling");
        line.At.ShouldBe(_clock.GetUtcNow());
        line.UserId.ShouldBe(_registrar.UserId);
        line.UserName.ShouldBe("rolf.registrator@exempelby.se");
        line.RemoteAddress.ShouldBe("192.0.2.17");
        line.EntityType.ShouldBe(nameof(CaseDocument));
        line.EntityId.ShouldBe(document.Id);
        line.CaseId.ShouldBe(@case.Id);
        line.Summary.ShouldBe("Handling 3, version 2 i ärende OMF-2026-7 (OSL 26 kap. 1 §)");
    }
}
