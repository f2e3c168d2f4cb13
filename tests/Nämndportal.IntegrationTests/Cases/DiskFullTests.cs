using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nämndportal.Application.Cases;
using Nämndportal.Domain.Cases;
using Nämndportal.Infrastructure.Persistence;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>
/// A full disk, or any failed write of a file's bytes (issue 14): the database refuses the write of <c>file_blobs</c> with
/// PostgreSQL's own <c>disk_full</c> (SQLSTATE 53100), raised by a trigger, as a full volume raises it. The failure is
/// clear (the database being away: the pages say "tillfälligt fel", a job fails and is retried) and leaves no record
/// that points to bytes that were never stored.
/// </summary>
public class DiskFullTests(DatabaseFixture database) : DocumentTest(database)
{
    public override async Task DisposeAsync()
    {
        await DiskAsync(full: false);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_when_the_disk_is_full_fails_as_the_database_being_away_and_saves_nothing_of_the_handling()
    {
        await DiskAsync(full: true);

        var failure = await Should.ThrowAsync<Exception>(() => AddHandler(Secretary).HandleAsync(Upload("granskningsrapport.pdf", TestFiles.Pdf("Granskning av hemtjansten"))));

        TransientDatabaseFailure.Is(failure).ShouldBeTrue(failure.ToString());
        TransientDatabaseFailure.Describe(failure).ShouldBe("SQLSTATE 53100");
        (await CountRowsAsync()).ShouldBe((0, 0, 0), "no handling, no version, no bytes");
        await using (var db = Database.CreateContext())
        {
            (await db.CaseEvents.CountAsync()).ShouldBe(0, "no timeline line for a handling that does not exist");
        }

        Jobs.Enqueued.ShouldBeEmpty();

        // Space again: the same upload goes through as the case's first handling.
        await DiskAsync(full: false);
        var added = await AddAsync("granskningsrapport.pdf", TestFiles.Pdf("Granskning av hemtjansten"));
        added.Ordinal.ShouldBe(1);
        (await CountRowsAsync()).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task A_rendition_that_cannot_be_stored_fails_its_job_and_the_version_waits_for_the_retry_without_a_missing_file()
    {
        var added = await AddAsync("tjänsteskrivelse.docx", TestFiles.Docx("Omsorgsnämnden föreslås besluta att godkänna rapporten."));
        await DiskAsync(full: true);

        var failure = await Should.ThrowAsync<Exception>(() => RenderJob().RunAsync(added.VersionId, CancellationToken.None));

        TransientDatabaseFailure.Is(failure).ShouldBeTrue(failure.ToString());
        await using (var db = Database.CreateContext())
        {
            var version = await db.DocumentVersions.SingleAsync();
            version.RenditionStatus.ShouldBe(RenditionStatus.Pending, "the job's retry will render it again");
            version.RenditionSha256.ShouldBeNull("never a rendition whose bytes are not stored");
            (await db.FileBlobs.CountAsync()).ShouldBe(1, "only the upload's own bytes");
        }

        // The job engine's retry, once there is space.
        await DiskAsync(full: false);
        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);
        await using (var db = Database.CreateContext())
        {
            var version = await db.DocumentVersions.SingleAsync();
            version.RenditionStatus.ShouldBe(RenditionStatus.Ready);
            (await db.FileBlobs.AnyAsync(b => b.Sha256 == version.RenditionSha256)).ShouldBeTrue();
        }
    }

    private async Task DiskAsync(bool full)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var sql = full
            ? """
              CREATE OR REPLACE FUNCTION np_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
              DROP TRIGGER IF EXISTS np_test_disk_full ON file_blobs;
              CREATE TRIGGER np_test_disk_full BEFORE INSERT ON file_blobs FOR EACH ROW EXECUTE FUNCTION np_test_disk_full();
              """
            : """
              DROP TRIGGER IF EXISTS np_test_disk_full ON file_blobs;
              DROP FUNCTION IF EXISTS np_test_disk_full();
              """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
