using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>The author stops sharing the note with one member: the share is deleted.</summary>
public sealed record WithdrawNoteShare(Guid NoteId, Guid SharedWithUserId);

/// <summary>Only the author withdraws; withdrawing a share that is not there changes nothing.</summary>
public sealed class WithdrawNoteShareHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<bool>> HandleAsync(WithdrawNoteShare request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.OwnNoteAsync(grants, request.NoteId, track: false, cancellationToken) is not { } note)
        {
            return ReaderAccess.NoteNotFound();
        }

        db.NoteShares.RemoveRange(await db.NoteShares.Where(s => s.NoteId == note.Id && s.SharedWithUserId == request.SharedWithUserId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }
}
