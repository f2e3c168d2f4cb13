using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>The author deletes their note, and with it every share of it.</summary>
public sealed record DeleteNote(Guid NoteId);

/// <summary>Only the author deletes a note; to anyone else it does not exist.</summary>
public sealed class DeleteNoteHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<bool>> HandleAsync(DeleteNote request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.OwnNoteAsync(grants, request.NoteId, track: true, cancellationToken) is not { } note)
        {
            return ReaderAccess.NoteNotFound();
        }

        db.NoteShares.RemoveRange(await db.NoteShares.Where(s => s.NoteId == note.Id).ToListAsync(cancellationToken));
        db.MemberNotes.Remove(note);
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }
}
