using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>The members the author may share a note with (the share dialog's list).</summary>
public sealed record ListNoteShareCandidates(Guid NoteId);

/// <summary>Only for the note's author: the organ's members on the meeting's date, the author left out.</summary>
public sealed class ListNoteShareCandidatesHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<IReadOnlyList<NoteShareCandidate>>> HandleAsync(ListNoteShareCandidates request, CancellationToken cancellationToken = default)
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

        IReadOnlyList<NoteShareCandidate> candidates = await db.MembersOnDateAsync(meeting, note.AuthorUserId, cancellationToken);
        return Result<IReadOnlyList<NoteShareCandidate>>.Ok(candidates);
    }
}
