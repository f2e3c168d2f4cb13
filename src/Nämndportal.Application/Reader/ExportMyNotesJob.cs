using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>
/// The work behind <see cref="ExportMyNotesHandler"/>: reads the notes of the user who asked (the task's requester, never
/// anyone else's), prints them and stores the PDF as theirs alone. Safe to run again from the start after a crash. Logs
/// counts and sizes only, never a note.
/// </summary>
public sealed class ExportMyNotesJob(
    IAppDbContextFactory dbFactory, IPdfRenderer renderer, IUserDirectory users, TimeProvider clock, ILogger<ExportMyNotesJob> logger)
{
    public async Task RunAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var run = await BackgroundTaskRun.StartAsync(db, taskId, clock, logger, "Member notes PDF", cancellationToken);
        if (run is null)
        {
            return;
        }

        try
        {
            if (run.Task.RequestedByUserId is not { } author)
            {
                await run.FailAsync("Anteckningarna kunde inte skrivas ut.");
                return;
            }

            await run.ReportAsync(10, "Anteckningarna hämtas", cancellationToken);
            var model = await BuildAsync(db, author, cancellationToken);

            await run.ReportAsync(30, "PDF:en skapas", cancellationToken);
            var pdf = await renderer.RenderAsync(model, model.Layout(), cancellationToken);

            run.Task.ReportProgress(90, "PDF:en sparas");
            var file = StoredFile.ForMemberNotes($"anteckningar-{SwedishTime.LocalDate(model.PrintedAt):yyyy-MM-dd}.pdf", pdf, author);
            db.StoredFiles.Add(file);
            await run.SucceedAsync(file.Id, cancellationToken);
            logger.LogInformation("Member notes PDF task {TaskId} succeeded with {Bytes} bytes", taskId, pdf.Length);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.FailAsync("PDF:en kunde inte skapas. Försök igen, och kontakta förvaltningens support om felet kvarstår.", ex);
            throw;
        }
    }

    private async Task<MyNotesDocumentModel> BuildAsync(IAppDbContext db, Guid author, CancellationToken cancellationToken)
    {
        var rows = await (from n in db.MemberNotes.AsNoTracking()
                          where n.AuthorUserId == author
                          join m in db.Meetings.AsNoTracking() on n.MeetingId equals m.Id
                          join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                          join i in db.AgendaItems.AsNoTracking() on n.AgendaItemId equals i.Id into items
                          from i in items.DefaultIfEmpty()
                          join d in db.CaseDocuments.AsNoTracking() on n.CaseDocumentId equals d.Id into documents
                          from d in documents.DefaultIfEmpty()
                          join v in db.DocumentVersions.AsNoTracking() on n.DocumentVersionId equals v.Id into versions
                          from v in versions.DefaultIfEmpty()
                          select new
                          {
                              Note = n, m.StartsAt, OrganName = o.Name,
                              ItemNumber = i == null ? (int?)null : i.Position, ItemTitle = i == null ? null : i.Title,
                              DocumentOrdinal = d == null ? (int?)null : d.Ordinal,
                              VersionNumber = v == null ? (int?)null : v.Number,
                          })
            .ToListAsync(cancellationToken);
        var name = await db.MemberNamesAsync(users, [author], cancellationToken);
        var meetings = rows
            .GroupBy(r => new { r.Note.MeetingId, r.StartsAt, r.OrganName })
            .OrderByDescending(g => g.Key.StartsAt)
            .Select(g => new MyNotesMeeting(
                g.Key.OrganName,
                SwedishTime.LocalDate(g.Key.StartsAt),
                g.GroupBy(r => new { r.Note.AgendaItemId, r.ItemNumber, r.ItemTitle })
                    .OrderBy(i => i.Key.ItemNumber ?? int.MaxValue)
                    .Select(i => new MyNotesItem(
                        i.Key.ItemNumber,
                        i.Key.ItemTitle ?? "Punkt som inte längre finns på föredragningslistan",
                        i.OrderBy(r => r.Note.OnOfficerReport ? 0 : r.DocumentOrdinal is null ? -1 : 1).ThenBy(r => r.DocumentOrdinal).ThenBy(r => r.Note.Page).ThenBy(r => r.Note.CreatedAt)
                            .Select(r => new MyNotesEntry(
                                Where(r.Note, r.DocumentOrdinal),
                                r.Note.Quote,
                                r.Note.Text,
                                r.Note.AnchorState switch
                                {
                                    NoteAnchorState.OnPage => null,
                                    NoteAnchorState.Moved => $"Flyttad till version {r.VersionNumber}, sida {r.Note.Page}",
                                    NoteAnchorState.DocumentChanged => "Dokumentet har ändrats sedan anteckningen",
                                    _ => throw new ArgumentOutOfRangeException(nameof(author)),
                                },
                                r.Note.UpdatedAt))
                            .ToList()))
                    .ToList()))
            .ToList();
        return new MyNotesDocumentModel(name.TryGetValue(author, out var authorName) ? authorName : "Mina anteckningar", clock.GetUtcNow(), meetings);
    }

    private static string Where(MemberNote note, int? documentOrdinal) =>
        note.OnOfficerReport ? $"Tjänsteskrivelse, sida {note.Page}"
        : documentOrdinal is { } ordinal ? $"Handling {ordinal}, sida {note.Page}"
        : "Punkten";
}
