using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>The author lets one named member of the same organ read the note.</summary>
public sealed record ShareNote(Guid NoteId, Guid SharedWithUserId);

/// <summary>
/// Only the author shares, and only with a ledamot or ersättare of the meeting's organ on the meeting's date (not with an
/// official, an administrator or a member of another organ). Sharing twice with the same member is one share.
/// </summary>
public sealed class ShareNoteHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(ShareNote request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var note = await db.OwnNoteAsync(grants, request.NoteId, track: false, cancellationToken);
        var meeting = note is null ? null : await db.ReadableMeetingAsync(grants, note.MeetingId, cancellationToken);
        if (note is null || meeting is null)
        {
            return ReaderAccess.NoteNotFound();
        }

        var candidates = await db.MembersOnDateAsync(meeting, note.AuthorUserId, cancellationToken);
        if (candidates.All(c => c.UserId != request.SharedWithUserId))
        {
            return Error.Invalid("Anteckningen kan bara delas med ledamöter och ersättare i samma organ.");
        }

        if (await db.NoteShares.AnyAsync(s => s.NoteId == note.Id && s.SharedWithUserId == request.SharedWithUserId, cancellationToken))
        {
            return Result<bool>.Ok(true);
        }

        db.NoteShares.Add(new NoteShare(note.Id, request.SharedWithUserId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same share saved a moment ago (a double click): the unique key refused the second.
        }

        return Result<bool>.Ok(true);
    }
}
