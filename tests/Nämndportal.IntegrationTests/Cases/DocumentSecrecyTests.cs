using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

public class DocumentSecrecyTests(DatabaseFixture database) : DocumentTest(database)
{
    private const string NotThere = "Handlingen finns inte, eller så saknar du behörighet att se det.";

    [Fact]
    public async Task Secret_handling_is_invisible_to_a_ledamot_and_to_a_handläggare_who_is_not_the_cases_own()
    {
        await AddAsync("rapport.pdf", TestFiles.Pdf("Offentlig rapport"), description: "Offentlig rapport");
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §", description: "Orosanmälan om en namngiven person");

        foreach (var outsider in new[] { Member, OtherOfficer })
        {
            var list = (await ListHandler(outsider).HandleAsync(new ListCaseDocuments(Case.Id))).Value!;
            list.Documents.ShouldHaveSingleItem().Description.ShouldBe("Offentlig rapport");
            list.Documents.ShouldNotContain(d => d.Id == secret.DocumentId);

            foreach (var form in Enum.GetValues<DocumentFileForm>())
            {
                var file = await FileHandler(outsider).HandleAsync(new GetDocumentFile(secret.VersionId, form));
                file.Error!.Message.ShouldBe(NotThere);
            }
        }

        var unknown = await FileHandler(Member).HandleAsync(new GetDocumentFile(Guid.NewGuid()));
        unknown.Error!.Message.ShouldBe(NotThere, "a secret handling answers exactly as one that does not exist");
        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretRead || a.Action == AuditActions.SecretDownloaded)).ShouldBe(0);
    }

    [Fact]
    public async Task Secretary_and_the_cases_own_handläggare_see_the_secret_handling_with_its_marking()
    {
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "osl 26:1", description: "Orosanmälan");

        foreach (var entitled in new[] { Secretary, CaseOfficer, Registrar })
        {
            var document = (await ListHandler(entitled).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents.ShouldHaveSingleItem();
            document.Id.ShouldBe(secret.DocumentId);
            document.Secrecy.ShouldBe(new SecrecyMarking("OSL 26 kap. 1 §", new DateOnly(2026, 11, 23), "Sara Sekreterare"));
            (await FileHandler(entitled).HandleAsync(new GetDocumentFile(secret.VersionId))).Value!.IsSecret.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Reading_a_secret_handling_is_in_the_audit_trail_with_who_and_from_where_before_the_bytes_are_given()
    {
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §");
        var officer = new TestUser(CaseOfficer.UserId, CaseOfficer.UserName, Application.Security.Roles.CaseOfficer) { RemoteAddress = "198.51.100.7" };

        var download = await FileHandler(officer).HandleAsync(new GetDocumentFile(secret.VersionId, DocumentFileForm.Original));
        var read = await FileHandler(officer).HandleAsync(new GetDocumentFile(secret.VersionId, DocumentFileForm.Pdf));

        download.Value!.Content.ShouldNotBeEmpty();
        read.Value!.ContentType.ShouldBe("application/pdf");
        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.Where(a => a.Action == AuditActions.SecretDownloaded || a.Action == AuditActions.SecretRead).OrderBy(a => a.Id).ToListAsync();
        lines.Select(l => l.Action).ShouldBe([AuditActions.SecretDownloaded, AuditActions.SecretRead]);
        lines.ShouldAllBe(l => l.UserId == CaseOfficer.UserId && l.UserName == CaseOfficer.UserName && l.RemoteAddress == "198.51.100.7"
                               && l.EntityId == secret.DocumentId && l.CaseId == Case.Id);
        lines[0].Summary.ShouldBe("Handling 1, version 1 i ärende OMF-2026-149 (OSL 26 kap. 1 §)");
    }

    [Fact]
    public async Task The_read_line_is_committed_before_the_bytes_are_fetched()
    {
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §");
        var watch = new BlobReadWatch(Database.ConnectionString);

        var download = await WatchedFileHandler(CaseOfficer, watch).HandleAsync(new GetDocumentFile(secret.VersionId, DocumentFileForm.Original));

        download.Value!.Content[..5].ShouldBe("%PDF-"u8.ToArray());
        // Seen from another connection at the moment the bytes were asked for: the line was already in the table.
        watch.ReadLinesSeenAtBlobRead.ShouldBe([1]);
    }

    [Fact]
    public async Task No_bytes_are_fetched_or_given_when_the_read_line_cannot_be_saved()
    {
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §");
        var watch = new BlobReadWatch(Database.ConnectionString) { RefuseAuditLines = true };

        await Should.ThrowAsync<InvalidOperationException>(() =>
            WatchedFileHandler(CaseOfficer, watch).HandleAsync(new GetDocumentFile(secret.VersionId, DocumentFileForm.Pdf)));

        watch.ReadLinesSeenAtBlobRead.ShouldBeEmpty("the bytes must not be read when the read cannot be recorded");
        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretRead)).ShouldBe(0);
    }

    private GetDocumentFileHandler WatchedFileHandler(TestUser user, BlobReadWatch watch)
    {
        var factory = new TestDbContextFactory(Database, user, Clock, watch, watch.SaveGuard);
        return new GetDocumentFileHandler(factory, new AccessService(Factory(user), user, Clock), new AuditTrailRecorder(user, Clock));
    }

    /// <summary>
    /// Counts, from a connection of its own, the committed secret-read lines each time a query reads file_blobs; and can
    /// refuse a save holding an audit line (the database gone at the wrong moment).
    /// </summary>
    private sealed class BlobReadWatch(string connectionString) : DbCommandInterceptor
    {
        public List<long> ReadLinesSeenAtBlobRead { get; } = [];

        public bool RefuseAuditLines { get; init; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("file_blobs", StringComparison.Ordinal))
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_trail WHERE action IN (@read, @download)", connection);
                count.Parameters.AddWithValue("read", AuditActions.SecretRead);
                count.Parameters.AddWithValue("download", AuditActions.SecretDownloaded);
                ReadLinesSeenAtBlobRead.Add((long)(await count.ExecuteScalarAsync(cancellationToken))!);
            }

            return result;
        }

        public SaveChangesInterceptor SaveGuard => new RefusingSave(this);

        private sealed class RefusingSave(BlobReadWatch watch) : SaveChangesInterceptor
        {
            public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
                DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (watch.RefuseAuditLines && eventData.Context!.ChangeTracker.Entries<AuditTrailEntry>().Any())
                {
                    throw new InvalidOperationException("The audit trail could not be saved.");
                }

                return ValueTask.FromResult(result);
            }
        }
    }

    [Fact]
    public async Task Reading_an_open_handling_writes_no_read_line()
    {
        var open = await AddAsync("rapport.pdf", TestFiles.Pdf("Rapport"));

        (await FileHandler(Member).HandleAsync(new GetDocumentFile(open.VersionId))).Succeeded.ShouldBeTrue();

        await using var db = Database.CreateContext();
        (await db.AuditTrail.CountAsync(a => a.Action == AuditActions.SecretRead || a.Action == AuditActions.SecretDownloaded)).ShouldBe(0);
    }

    [Fact]
    public async Task Ledamot_of_another_organ_gets_not_found_for_everything()
    {
        var open = await AddAsync("rapport.pdf", TestFiles.Pdf("Rapport"));
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §");
        var before = await CountRowsAsync();

        (await ListHandler(MemberOfB).HandleAsync(new ListCaseDocuments(Case.Id))).Error!.Message
            .ShouldBe("Ärendet finns inte, eller så saknar du behörighet att se det.");
        (await AddHandler(MemberOfB).HandleAsync(Upload("ny.pdf", TestFiles.Pdf("Ny")))).Error!.Code.ShouldBe("not_found");
        foreach (var added in new[] { open, secret })
        {
            (await FileHandler(MemberOfB).HandleAsync(new GetDocumentFile(added.VersionId))).Error!.Message.ShouldBe(NotThere);
            (await FileHandler(MemberOfB).HandleAsync(new GetDocumentFile(added.VersionId, DocumentFileForm.Pdf))).Error!.Message.ShouldBe(NotThere);
            (await VersionHandler(MemberOfB).HandleAsync(new AddDocumentVersion { DocumentId = added.DocumentId, FileName = "v2.pdf", Content = TestFiles.Pdf("v2") }))
                .Error!.Message.ShouldBe(NotThere);
            (await MarkHandler(MemberOfB).HandleAsync(new MarkDocumentSecret { DocumentId = added.DocumentId, Provision = "OSL 21 kap. 1 §" })).Error!.Message.ShouldBe(NotThere);
            (await UnmarkHandler(MemberOfB).HandleAsync(new RemoveDocumentSecrecy(added.DocumentId))).Error!.Message.ShouldBe(NotThere);
        }

        (await CountRowsAsync()).ShouldBe(before);
        await using var db = Database.CreateContext();
        (await db.CaseDocuments.CountAsync(d => d.SecrecyProvision != null)).ShouldBe(1);
    }

    [Fact]
    public async Task Marking_and_unmarking_record_the_provision_date_and_name_and_a_timeline_line_each()
    {
        var added = await AddAsync("utredning.pdf", TestFiles.Pdf("Utredning"));
        var listed = (await ListHandler(CaseOfficer).HandleAsync(new ListCaseDocuments(Case.Id))).Value!;
        listed.CanPrepare.ShouldBeTrue();
        listed.CanMarkSecret.ShouldBeTrue();

        var marked = await MarkHandler(Secretary).HandleAsync(new MarkDocumentSecret { DocumentId = added.DocumentId, Provision = "21 kap. 1 §", Version = listed.Documents[0].Version });

        marked.Value.ShouldBe(new SecrecyMarking("OSL 21 kap. 1 §", new DateOnly(2026, 11, 23), "Sara Sekreterare"));
        (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents.ShouldBeEmpty();
        (await UnmarkHandler(OtherOfficer).HandleAsync(new RemoveDocumentSecrecy(added.DocumentId))).Error!.Message
            .ShouldBe(NotThere, "only someone who may see a secret handling can take its marking away");

        (await UnmarkHandler(CaseOfficer).HandleAsync(new RemoveDocumentSecrecy(added.DocumentId))).Succeeded.ShouldBeTrue();

        (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents.ShouldHaveSingleItem().Secrecy.ShouldBeNull();
        await using var db = Database.CreateContext();
        var timeline = await db.CaseEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        timeline.ShouldBe([CaseEventKind.DocumentAdded, CaseEventKind.DocumentMarkedSecret, CaseEventKind.DocumentSecrecyRemoved]);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(CaseDocument) && a.Action == AuditActions.Changed)).ShouldBe(2);
    }

    [Fact]
    public async Task Marking_with_an_out_of_date_version_is_a_conflict_and_keeps_the_other_change()
    {
        var added = await AddAsync("utredning.pdf", TestFiles.Pdf("Utredning"));
        var seen = (await ListHandler(Secretary).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents[0].Version;
        var first = await MarkHandler(CaseOfficer).HandleAsync(new MarkDocumentSecret { DocumentId = added.DocumentId, Provision = "OSL 26 kap. 1 §", Version = seen });
        first.Error.ShouldBeNull();

        // The secretary, still looking at the unmarked handling, takes away a marking she has not seen.
        var late = await UnmarkHandler(Secretary).HandleAsync(new RemoveDocumentSecrecy(added.DocumentId, seen));

        late.Error!.Code.ShouldBe("conflict");
        await using var db = Database.CreateContext();
        (await db.CaseDocuments.SingleAsync()).SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
    }

    [Fact]
    public async Task A_marked_handling_is_not_marked_again_over_its_first_marking()
    {
        var secret = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "OSL 26 kap. 1 §", description: "Orosanmälan");

        var again = await MarkHandler(CaseOfficer).HandleAsync(new MarkDocumentSecret { DocumentId = secret.DocumentId, Provision = "OSL 21 kap. 1 §" });

        again.Error!.Message.ShouldBe("Handling 1 är redan sekretessmarkerad enligt OSL 26 kap. 1 §.");
        await using var db = Database.CreateContext();
        var document = await db.CaseDocuments.SingleAsync();
        document.SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
        document.SecrecyMarkedByUserId.ShouldBe(Secretary.UserId);
    }

    [Fact]
    public async Task Uploading_a_secret_handlings_bytes_tells_nothing_to_someone_who_may_not_read_it()
    {
        var bytes = TestFiles.Pdf("Orosanmalan om en namngiven person");
        await AddAsync("orosanmalan.pdf", bytes, secrecy: "OSL 26 kap. 1 §", description: "Orosanmälan");

        // Another handläggare of the organ, not the case's own, guesses the hidden handling's file: no answer tells him.
        var guess = await AddHandler(OtherOfficer).HandleAsync(Upload("gissning.pdf", bytes, "Gissning"));
        guess.Error.ShouldBeNull();

        // The secretary, who may read it, is told where the same file already is.
        var again = await AddHandler(Secretary).HandleAsync(Upload("igen.pdf", bytes, "Igen"));
        again.Error!.Message.ShouldBe("Filen finns redan i ärendet som handling 1, version 1.");
    }

    [Fact]
    public async Task Provision_that_is_not_one_is_refused()
    {
        var added = await AddAsync("utredning.pdf", TestFiles.Pdf("Utredning"));

        var result = await MarkHandler(Secretary).HandleAsync(new MarkDocumentSecret { DocumentId = added.DocumentId, Provision = "hemligt" });

        result.Error!.Message.ShouldBe("Ange sekretessbestämmelsen i OSL, till exempel ”OSL 26 kap. 1 §”.");
        await using var db = Database.CreateContext();
        (await db.CaseDocuments.SingleAsync()).IsSecret.ShouldBeFalse();
    }
}
