using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nämndportal.Application.Files;
using Nämndportal.Application.Reader;
using Nämndportal.Domain.Jobs;
using Nämndportal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Nämndportal.IntegrationTests.Reader;

public class ExportMyNotesTests(DatabaseFixture database, PdfRendererFixture pdf) : ReaderTest(database), IClassFixture<PdfRendererFixture>
{
    [Fact]
    public async Task Export_prints_my_notes_with_their_quotes_and_places_into_a_pdf_only_I_can_download()
    {
        await NoteOnReportAsync(Member, 2, "okar med 4,2 procent", "Fråga förvaltningen om prognosen");
        await AddNote(Member).HandleAsync(new AddNote { MeetingId = Meeting.Id, AgendaItemId = Item.Id, Text = "Ta upp på gruppmötet" });
        await NoteOnReportAsync(OtherMember, 2, "okar med 4,2 procent", "Någon annans hemlighet");

        var started = await new ExportMyNotesHandler(Factory(Member), Access(Member), Jobs).HandleAsync(new ExportMyNotes());
        started.Error.ShouldBeNull();
        Jobs.Enqueued.ShouldContain((typeof(ExportMyNotesJob), started.Value));
        await new ExportMyNotesJob(Factory(Member), pdf.Renderer, new DatabaseUserDirectory(Database), Clock, NullLogger<ExportMyNotesJob>.Instance)
            .RunAsync(started.Value, CancellationToken.None);

        Guid fileId;
        await using (var db = Database.CreateContext())
        {
            var task = await db.BackgroundTasks.SingleAsync(t => t.Id == started.Value);
            task.Status.ShouldBe(BackgroundTaskStatus.Succeeded);
            fileId = task.ResultFileId!.Value;
        }

        var file = await Files(Member).HandleAsync(new GetStoredFile(fileId));
        file.Error.ShouldBeNull();
        using var document = PdfDocument.Open(file.Value!.Content);
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        text.ShouldContain("Mina anteckningar");
        text.ShouldContain("Fråga förvaltningen om prognosen");
        text.ShouldContain("okar med 4,2 procent");
        text.ShouldContain("Handling 1, sida 2");
        text.ShouldContain("Ta upp på gruppmötet");
        text.ShouldContain("Omsorgsnämnden 2026-12-09");
        text.ShouldNotContain("Någon annans hemlighet");

        foreach (var other in new[] { OtherMember, Secretary, Admin })
        {
            (await Files(other).HandleAsync(new GetStoredFile(fileId))).Error!.Code.ShouldBe("not_found", other.UserName);
        }
    }
}
