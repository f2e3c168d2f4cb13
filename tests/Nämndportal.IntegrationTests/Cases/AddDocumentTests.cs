using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Cases;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Cases;

public class AddDocumentTests(DatabaseFixture database) : DocumentTest(database)
{
    [Fact]
    public async Task Uploaded_pdf_is_stored_as_handling_1_version_1_with_its_sha256_and_bytes()
    {
        var pdf = TestFiles.Pdf("Granskning av hemtjansten", "Sida tva");

        var added = await AddAsync("Granskningsrapport hemtjänst.pdf", pdf);

        added.Ordinal.ShouldBe(1);
        await using var db = Database.CreateContext();
        var document = await db.CaseDocuments.SingleAsync();
        document.Direction.ShouldBe(DocumentDirection.Inkommen);
        document.DocumentDate.ShouldBe(new DateOnly(2026, 11, 20));
        document.Counterpart.ShouldBe("KPMG på uppdrag av de förtroendevalda revisorerna");
        document.Description.ShouldBe("Granskningsrapport från revisorerna");
        var version = await db.DocumentVersions.SingleAsync();
        version.Id.ShouldBe(added.VersionId);
        version.Number.ShouldBe(1);
        version.FileName.ShouldBe("Granskningsrapport hemtjänst.pdf");
        version.Kind.ShouldBe(FileKind.Pdf);
        version.ContentType.ShouldBe("application/pdf");
        version.Length.ShouldBe(pdf.Length);
        version.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        version.PageCount.ShouldBe(2);
        version.RenditionStatus.ShouldBe(RenditionStatus.NotNeeded);
        (await db.FileBlobs.SingleAsync()).Content.ShouldBe(pdf);

        var events = await db.CaseEvents.Where(e => e.CaseId == Case.Id).ToListAsync();
        events.ShouldHaveSingleItem().Kind.ShouldBe(CaseEventKind.DocumentAdded);
        events[0].DocumentOrdinal.ShouldBe(1);
        (await db.AuditTrail.Where(a => a.CaseId == Case.Id).Select(a => a.EntityType).ToListAsync())
            .ShouldBe([nameof(CaseDocument), nameof(DocumentVersion)], ignoreOrder: true);
        Jobs.Enqueued.ShouldBe([(typeof(ExtractDocumentTextJob), added.VersionId)], "a PDF needs no rendition, only its text");
    }

    [Fact]
    public async Task New_version_gets_number_2_and_leaves_version_1s_bytes_and_checksum_as_they_were()
    {
        var first = TestFiles.Pdf("Forsta utkastet");
        var added = await AddAsync("yttrande.pdf", first);
        await using (var before = Database.CreateContext())
        {
            (await before.DocumentVersions.SingleAsync()).Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(first)));
        }

        var second = TestFiles.Docx("Andra utkastet, efter remissen.");
        var result = await VersionHandler(CaseOfficer).HandleAsync(new AddDocumentVersion { DocumentId = added.DocumentId, FileName = "yttrande v2.docx", Content = second });

        result.Error.ShouldBeNull();
        result.Value!.Number.ShouldBe(2);
        await using var db = Database.CreateContext();
        var versions = await db.DocumentVersions.OrderBy(v => v.Number).ToListAsync();
        versions.Select(v => v.Number).ShouldBe([1, 2]);
        versions[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(first)));
        versions[0].Length.ShouldBe(first.Length);
        versions[1].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(second)));
        versions[1].Kind.ShouldBe(FileKind.Docx);
        versions[1].RenditionStatus.ShouldBe(RenditionStatus.Pending);
        (await db.FileBlobs.SingleAsync(b => b.Sha256 == versions[0].Sha256)).Content.ShouldBe(first);
        (await db.FileBlobs.SingleAsync(b => b.Sha256 == versions[1].Sha256)).Content.ShouldBe(second);
        (await db.CaseEvents.SingleAsync(e => e.Kind == CaseEventKind.VersionAdded)).VersionNumber.ShouldBe(2);
        Jobs.Enqueued.ShouldContain((typeof(RenderDocumentPdfJob), result.Value.VersionId));

        var original = await FileHandler(Member).HandleAsync(new GetDocumentFile(versions[0].Id));
        original.Value!.Content.ShouldBe(first, "version 1 is still served as it was uploaded");
    }

    public static TheoryData<string, string, byte[], long, string> BadFiles => new()
    {
        { "a Word document named .pdf", "beslut.pdf", TestFiles.Docx("Hej"), 100L << 20, "Filen heter .pdf men innehållet är ett Word-dokument. Kontrollera att du har valt rätt fil." },
        { "an empty file", "beslut.pdf", [], 100L << 20, "Filen är tom." },
        { "a file over the limit", "beslut.pdf", TestFiles.Pdf("Stor fil", "Sida 2", "Sida 3"), 1024, "Filen är för stor (" },
        { "a corrupt PDF", "beslut.pdf", TestFiles.CorruptPdf(), 100L << 20, "PDF:en går inte att öppna: filen verkar vara skadad." },
        { "a password-protected PDF", "beslut.pdf", TestFiles.EncryptedPdf("hemligt", "agare"), 100L << 20, "PDF:en är lösenordsskyddad" },
        { "an encrypted PDF that opens without password", "beslut.pdf", TestFiles.EncryptedPdf(string.Empty, "agare"), 100L << 20, "PDF:en är krypterad" },
        { "a file type not taken", "anteckningar.txt", "Hej"u8.ToArray(), 100L << 20, "Filer av typen .txt tas inte emot." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_file_gets_a_clear_message_and_nothing_is_stored(string what, string fileName, byte[] content, long limit, string message)
    {
        MaxUploadBytes = limit;

        var result = await AddHandler(Secretary).HandleAsync(Upload(fileName, content));

        result.Error.ShouldNotBeNull(what);
        result.Error.Message.ShouldStartWith(message);
        (await CountRowsAsync()).ShouldBe((0, 0, 0));
        Jobs.Enqueued.ShouldBeEmpty();
        await using var db = Database.CreateContext();
        (await db.CaseEvents.CountAsync()).ShouldBe(0);
        (await db.AuditTrail.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task File_over_the_limit_is_told_in_megabytes()
    {
        MaxUploadBytes = 2L * 1024 * 1024;
        var big = new byte[(int)(2.5 * 1024 * 1024)];
        "%PDF-1.7\n"u8.CopyTo(big);

        var result = await AddHandler(Secretary).HandleAsync(Upload("stor.pdf", big));

        result.Error!.Message.ShouldBe("Filen är för stor (2,5 MB). Den största tillåtna storleken är 2 MB.");
    }

    [Fact]
    public async Task Bad_new_version_stores_nothing_and_keeps_the_handling_as_it_was()
    {
        var added = await AddAsync("yttrande.pdf", TestFiles.Pdf("Yttrande"));
        var before = await CountRowsAsync();

        var result = await VersionHandler(Secretary).HandleAsync(new AddDocumentVersion
        {
            DocumentId = added.DocumentId, FileName = "yttrande.docx", Content = TestFiles.Pdf("Ny version men fel filandelse"),
        });

        result.Error!.Message.ShouldBe("Filen heter .docx men innehållet är en PDF. Kontrollera att du har valt rätt fil.");
        (await CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Same_file_again_in_the_same_case_is_refused_naming_where_it_already_is()
    {
        var pdf = TestFiles.Pdf("Protokollsutdrag");
        await AddAsync("utdrag.pdf", TestFiles.Pdf("Annan handling"));
        var second = await AddAsync("utdrag.pdf", pdf);
        await AddAsync("annat.pdf", TestFiles.Pdf("Tredje handlingen"));
        var before = await CountRowsAsync();

        var again = await AddHandler(CaseOfficer).HandleAsync(Upload("utdrag (kopia).pdf", pdf));
        var asVersion = await VersionHandler(CaseOfficer).HandleAsync(new AddDocumentVersion { DocumentId = second.DocumentId, FileName = "utdrag.pdf", Content = pdf });

        again.Error!.Message.ShouldBe("Filen finns redan i ärendet som handling 2, version 1.");
        asVersion.Error!.Message.ShouldBe("Filen finns redan i ärendet som handling 2, version 1.");
        (await CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Same_file_in_another_case_is_accepted_and_its_bytes_are_stored_once()
    {
        var pdf = TestFiles.Pdf("Kommunfullmaktiges beslut");
        var otherCase = await InsertAsync(new Case(OrganA.Id, "OMF", 2026, 150, "OMF-2026-150", "Budget 2027", new DateOnly(2026, 11, 3), null));

        await AddAsync("beslut.pdf", pdf);
        var other = await AddHandler(Secretary).HandleAsync(Upload(otherCase.Id, "beslut.pdf", pdf));

        other.Error.ShouldBeNull();
        other.Value!.Ordinal.ShouldBe(1);
        (await CountRowsAsync()).ShouldBe((2, 2, 1));
    }

    [Fact]
    public async Task Eight_uploads_to_one_case_at_the_same_time_get_the_numbers_1_to_8()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            AddHandler(Secretary).HandleAsync(Upload($"bilaga {i}.pdf", TestFiles.Pdf($"Bilaga {i}"), $"Bilaga {i}"))));

        results.ShouldAllBe(r => r.Succeeded);
        results.Select(r => r.Value!.Ordinal).Order().ShouldBe(Enumerable.Range(1, 8));
        await using var db = Database.CreateContext();
        (await db.CaseDocuments.Select(d => d.Ordinal).OrderBy(o => o).ToListAsync()).ShouldBe(Enumerable.Range(1, 8));
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_at_the_same_time_is_stored_once()
    {
        var pdf = TestFiles.Pdf("Samma fil");

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(_ => AddHandler(Secretary).HandleAsync(Upload("samma.pdf", pdf))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Error!.Message == "Filen finns redan i ärendet som handling 1, version 1.");
        (await CountRowsAsync()).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task Secrecy_given_at_upload_is_recorded_with_provision_stockholm_date_and_name()
    {
        var added = await AddAsync("orosanmalan.pdf", TestFiles.Pdf("Orosanmalan"), secrecy: "26 kap 1 §");

        await using var db = Database.CreateContext();
        var document = await db.CaseDocuments.SingleAsync(d => d.Id == added.DocumentId);
        document.SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
        document.SecrecyMarkedOn.ShouldBe(new DateOnly(2026, 11, 23), "23.30 UTC on the 22nd is already the 23rd in Stockholm");
        document.SecrecyMarkedByName.ShouldBe("Sara Sekreterare");
        document.SecrecyMarkedByUserId.ShouldBe(Secretary.UserId);
        (await db.CaseEvents.Select(e => e.Kind).ToListAsync()).ShouldBe([CaseEventKind.DocumentAdded, CaseEventKind.DocumentMarkedSecret], ignoreOrder: true);
    }

    [Fact]
    public async Task Missing_description_and_unknown_provision_are_refused_before_anything_is_stored()
    {
        var request = Upload("beslut.pdf", TestFiles.Pdf("Beslut"), description: " ");
        request.SecrecyProvision = "sekretess";

        var result = await AddHandler(Secretary).HandleAsync(request);

        result.Error!.Message.ShouldContain("Ange en kort beskrivning av handlingen.");
        result.Error.Message.ShouldContain("Ange sekretessbestämmelsen i OSL, till exempel ”OSL 26 kap. 1 §”.");
        (await CountRowsAsync()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Ledamot_may_not_add_and_is_told_the_case_is_not_there()
    {
        var result = await AddHandler(Member).HandleAsync(Upload("beslut.pdf", TestFiles.Pdf("Beslut")));

        result.Error!.Code.ShouldBe("not_found");
        result.Error.Message.ShouldBe("Ärendet finns inte, eller så saknar du behörighet att se det.");
        (await CountRowsAsync()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Audit_trail_records_the_upload_with_who_and_from_where()
    {
        var officer = new TestUser(CaseOfficer.UserId, CaseOfficer.UserName, Application.Security.Roles.CaseOfficer) { RemoteAddress = "192.0.2.41" };
        var result = await AddHandler(officer).HandleAsync(Upload("beslut.pdf", TestFiles.Pdf("Beslut")));
        result.Error.ShouldBeNull();

        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.OrderBy(a => a.EntityType).ToListAsync();
        // One line for the handling and one for its first version, each naming who, from where, the case and the row.
        lines.Select(l => (l.Action, l.EntityType, l.EntityId)).ShouldBe(
        [
            (AuditActions.Created, nameof(CaseDocument), result.Value!.DocumentId),
            (AuditActions.Created, nameof(DocumentVersion), result.Value.VersionId),
        ]);
        lines.ShouldAllBe(l => l.UserId == CaseOfficer.UserId && l.UserName == CaseOfficer.UserName && l.RemoteAddress == "192.0.2.41" && l.CaseId == Case.Id);
        lines[0].Summary.ShouldBe("Handling 1");
        lines[1].Summary.ShouldStartWith("Version 1 av en handling");
    }
}
