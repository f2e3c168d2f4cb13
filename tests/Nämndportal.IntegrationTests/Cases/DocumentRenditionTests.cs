using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Cases;
using Nämndportal.Domain.Cases;
using Nämndportal.Infrastructure.Pdf;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>The background work after an upload, with the real LibreOffice (Debian's soffice) and PdfPig.</summary>
public class DocumentRenditionTests(DatabaseFixture database) : DocumentTest(database)
{
    private const string Sentence = "Omsorgsnämnden föreslås besluta att godkänna årsbokslutet för hemtjänsten.";

    [Fact]
    public async Task Docx_gets_a_pdf_rendition_from_libreoffice_and_its_text_is_extracted_for_search()
    {
        var added = await AddAsync("tjänsteskrivelse.docx", TestFiles.Docx(Sentence));
        Jobs.Enqueued.ShouldBe([(typeof(RenderDocumentPdfJob), added.VersionId)]);
        (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.AnyRenditionPending.ShouldBeTrue();

        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);

        Jobs.Enqueued[^1].ShouldBe((typeof(ExtractDocumentTextJob), added.VersionId));
        await TextJob().RunAsync(added.VersionId, CancellationToken.None);

        await using var db = Database.CreateContext();
        var version = await db.DocumentVersions.SingleAsync();
        version.RenditionStatus.ShouldBe(RenditionStatus.Ready);
        version.RenditionError.ShouldBeNull();
        version.PageCount.ShouldBe(1);
        var rendition = await db.FileBlobs.SingleAsync(b => b.Sha256 == version.RenditionSha256);
        using (var pdf = PdfDocument.Open(rendition.Content))
        {
            pdf.GetPage(1).Text.ShouldContain("årsbokslutet");
        }

        var text = await db.DocumentTexts.SingleAsync(t => t.VersionId == added.VersionId);
        text.Text.ShouldContain(Sentence);
        text.PageCount.ShouldBe(1);
        text.CaseId.ShouldBe(Case.Id);
        text.DocumentId.ShouldBe(added.DocumentId);

        var listed = (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!;
        listed.AnyRenditionPending.ShouldBeFalse();
        listed.Documents[0].Latest.HasPdf.ShouldBeTrue();
        var readable = (await FileHandler(Member).HandleAsync(new GetDocumentFile(added.VersionId, DocumentFileForm.Pdf))).Value!;
        readable.FileName.ShouldBe("tjänsteskrivelse.pdf");
        readable.Content.ShouldBe(rendition.Content);
    }

    [Fact]
    public async Task Broken_docx_is_marked_failed_with_a_message_the_user_sees()
    {
        var added = await AddAsync("trasig.docx", TestFiles.BrokenDocx());

        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);

        await using var db = Database.CreateContext();
        var version = await db.DocumentVersions.SingleAsync();
        version.RenditionStatus.ShouldBe(RenditionStatus.Failed);
        version.RenditionError.ShouldBe("Kunde inte göra en PDF av filen: LibreOffice kunde inte läsa filen. Den kan vara skadad, eller använda något som LibreOffice inte klarar.");
        (await db.DocumentTexts.CountAsync()).ShouldBe(0);
        Jobs.Enqueued.ShouldNotContain(j => j.Job == typeof(ExtractDocumentTextJob));

        var listed = (await ListHandler(Member).HandleAsync(new ListCaseDocuments(Case.Id))).Value!.Documents[0].Latest;
        listed.RenditionError.ShouldBe(version.RenditionError);
        var pdf = await FileHandler(Member).HandleAsync(new GetDocumentFile(added.VersionId, DocumentFileForm.Pdf));
        pdf.Error!.Message.ShouldBe(version.RenditionError);
        (await FileHandler(Member).HandleAsync(new GetDocumentFile(added.VersionId))).Succeeded.ShouldBeTrue("the original can still be downloaded");
    }

    [Fact]
    public async Task Images_get_a_pdf_rendition_too()
    {
        var added = await AddAsync("karta.png", TestFiles.Png());

        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);

        await using var db = Database.CreateContext();
        var version = await db.DocumentVersions.SingleAsync();
        version.RenditionStatus.ShouldBe(RenditionStatus.Ready);
        version.PageCount.ShouldBe(1);
    }

    [Fact]
    public async Task Jobs_run_again_change_nothing()
    {
        var added = await AddAsync("tjänsteskrivelse.docx", TestFiles.Docx(Sentence));
        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);
        await TextJob().RunAsync(added.VersionId, CancellationToken.None);
        await using var before = Database.CreateContext();
        var rendition = (await before.DocumentVersions.SingleAsync()).RenditionSha256;

        await RenderJob().RunAsync(added.VersionId, CancellationToken.None);
        await TextJob().RunAsync(added.VersionId, CancellationToken.None);
        await TextJob().RunAsync(Guid.NewGuid(), CancellationToken.None);

        await using var db = Database.CreateContext();
        (await db.DocumentVersions.SingleAsync()).RenditionSha256.ShouldBe(rendition);
        (await db.DocumentTexts.CountAsync()).ShouldBe(1);
        (await db.FileBlobs.CountAsync()).ShouldBe(2, "the docx and one rendition");
    }

    [Fact]
    public async Task Text_of_an_uploaded_pdf_is_extracted_without_a_rendition()
    {
        var added = await AddAsync("yttrande.pdf", TestFiles.Pdf("Forsta sidan om hemtjansten", "Andra sidan om budgeten"));

        await TextJob().RunAsync(added.VersionId, CancellationToken.None);

        await using var db = Database.CreateContext();
        var text = await db.DocumentTexts.SingleAsync();
        text.Text.ShouldBe("Forsta sidan om hemtjansten\nAndra sidan om budgeten");
        text.PageCount.ShouldBe(2);
    }

    [Fact]
    public async Task Conversion_that_hangs_is_stopped_at_the_timeout_with_its_child_processes()
    {
        var folder = Directory.CreateTempSubdirectory("np-hanging-soffice-");
        try
        {
            // A stand-in for soffice that starts a child (as soffice starts soffice.bin) and never finishes.
            var script = Path.Combine(folder.FullName, "soffice");
            var childPid = Path.Combine(folder.FullName, "child.pid");
            await File.WriteAllTextAsync(script, $"#!/bin/sh\nsleep 300 &\necho $! > '{childPid}'\nwait\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var added = await AddAsync("tjänsteskrivelse.docx", TestFiles.Docx(Sentence));

            await RenderJob(new LibreOfficeOptions { Path = script, Timeout = TimeSpan.FromSeconds(2) }).RunAsync(added.VersionId, CancellationToken.None);

            await using var db = Database.CreateContext();
            (await db.DocumentVersions.SingleAsync()).RenditionError.ShouldBe("Kunde inte göra en PDF av filen: konverteringen tog längre än 2 sekunder och avbröts.");
            var pid = int.Parse((await File.ReadAllTextAsync(childPid)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            // Killed means gone, or a zombie waiting only to be reaped by init.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (IsRunning(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            IsRunning(pid).ShouldBeFalse("the converter's child process was killed too");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void Extracted_text_loses_soft_hyphens_and_extra_white_space_and_keeps_one_line_per_page()
    {
        ExtractDocumentTextJob.Normalise(["Års\u00ADbokslutet  för\themtjänsten\r\n2026\0", "   ", "Sida\u00A0tre ", ""])
            .ShouldBe("Årsbokslutet för hemtjänsten 2026\n\nSida tre\n");
    }

    [Fact]
    public async Task A_conversion_that_throws_leaves_the_handling_saying_no_pdf_came()
    {
        var added = await AddAsync("klagomal.docx", TestFiles.Docx("Ett klagomål."));
        var job = new RenderDocumentPdfJob(
            Factory(TestUser.Anonymous), new ThrowingConverter(), new PdfPigReader(), Jobs,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RenderDocumentPdfJob>.Instance);

        await job.RunAsync(added.VersionId, CancellationToken.None);

        await using var db = Database.CreateContext();
        var version = await db.DocumentVersions.SingleAsync();
        version.RenditionStatus.ShouldBe(RenditionStatus.Failed);
        version.RenditionError.ShouldNotBeNull();
        version.RenditionError.ShouldContain("ett oväntat fel inträffade vid konverteringen");
    }

    private sealed class ThrowingConverter : Application.Pdf.IPdfConverter
    {
        public Task<Application.Pdf.PdfConversion> ConvertAsync(byte[] content, FileKind kind, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device");
    }
}
