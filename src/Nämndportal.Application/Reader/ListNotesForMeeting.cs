using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>The notes the reader shows for a meeting: the user's own, and those shared with them.</summary>
public sealed record ListNotesForMeeting(Guid MeetingId);

/// <summary>
/// The signed-in user's own notes on the meeting and the notes others share with them, in agenda order (by item, then
/// handling and page); the caller groups them per item and handling. Nobody else's notes, whatever the role. Refused
/// (as missing) to anyone who may not read the meeting now, so a share stops showing when the reader leaves the organ.
/// </summary>
public sealed class ListNotesForMeetingHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users)
{
    public async Task<Result<IReadOnlyList<MemberNoteView>>> HandleAsync(ListNotesForMeeting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.ReadableMeetingAsync(grants, request.MeetingId, cancellationToken);
        if (meeting is null || grants.UserId is not { } me)
        {
            return Error.NotFound("Sammanträdet");
        }

        var notes = await db.MemberNotes.AsNoTracking()
            .Where(n => n.MeetingId == meeting.Id
                        && (n.AuthorUserId == me || db.NoteShares.Any(s => s.NoteId == n.Id && s.SharedWithUserId == me)))
            .ToListAsync(cancellationToken);
        var order = meeting.Items.ToDictionary(i => i.Id, i => i.Position);
        var sorted = notes
            .OrderBy(n => order.TryGetValue(n.AgendaItemId, out var position) ? position : int.MaxValue)
            .ThenBy(n => n.CaseDocumentId is null ? (n.OnOfficerReport ? 1 : 0) : 2)
            .ThenBy(n => n.CaseDocumentId)
            .ThenBy(n => n.Page)
            .ThenBy(n => n.CreatedAt)
            .ToList();
        IReadOnlyList<MemberNoteView> views = await db.ViewsAsync(users, me, sorted, cancellationToken);
        return Result<IReadOnlyList<MemberNoteView>>.Ok(views);
    }
}
