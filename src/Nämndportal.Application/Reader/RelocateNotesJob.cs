using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>
/// Moves the notes on a handling to its new version once the new version's text is extracted (enqueued by
/// <see cref="Cases.ExtractDocumentTextJob"/>): each note on an older version goes to where its quote now stands, or stays
/// on its page marked "dokumentet har ändrats sedan anteckningen" (<see cref="NoteAnchoring.Relocate"/>). Safe to run again:
/// a note already on this version or a newer one is left alone. Logs counts only, never a note's text.
/// </summary>
public sealed class RelocateNotesJob(IAppDbContextFactory dbFactory, ILogger<RelocateNotesJob> logger)
{
    public async Task RunAsync(Guid documentId, Guid newVersionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == newVersionId && v.DocumentId == documentId, cancellationToken);
        var text = await db.DocumentTexts.AsNoTracking().SingleOrDefaultAsync(t => t.VersionId == newVersionId, cancellationToken);
        if (version is null || text is null)
        {
            return;
        }

        var notes = await (from n in db.MemberNotes
                           join v in db.DocumentVersions on n.DocumentVersionId equals v.Id
                           where n.CaseDocumentId == documentId && v.Number < version.Number
                           select n).ToListAsync(cancellationToken);
        if (notes.Count == 0)
        {
            return;
        }

        var pages = text.Pages;
        if (!text.HasPageLines)
        {
            // A text cut at its maximum length: pages past the cut have no text, but they are pages all the same.
            pages = [.. pages, .. Enumerable.Repeat(string.Empty, Math.Max(0, text.PageCount - pages.Count))];
        }

        foreach (var note in notes)
        {
            note.MoveToVersion(newVersionId, NoteAnchoring.Relocate(note.Quote, note.QuoteBefore, note.QuoteAfter, note.Page ?? 1, pages));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Moved {Count} notes to version {VersionId} ({Changed} on a changed document)",
            notes.Count, newVersionId, notes.Count(n => n.AnchorState == NoteAnchorState.DocumentChanged));
    }
}
