using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>
/// The reader use cases' shared checks. A meeting is read by those who may see its agenda (members on the meeting's own
/// date, the organ's officials, those who edit it: <see cref="AgendaEditing.CanView"/>); a secret handling on it only by
/// the members called to it and those who handle the organ's secret matters (docs/security.md, "Kallelse packs"). A note
/// is read by its author, and by those it is shared with while they may still read the meeting; nobody else, whatever
/// their role. Missing and forbidden give the same answer.
/// </summary>
internal static class ReaderAccess
{
    public static async Task<Meeting?> ReadableMeetingAsync(this IAppDbContext db, AccessSnapshot grants, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(meetingId, track: false, cancellationToken);
        return meeting is not null && grants.CanView(meeting) ? meeting : null;
    }

    /// <summary>May the user read secret handlingar on this meeting's agenda (the members called, and the organ's secret handlers)?</summary>
    public static bool CanReadSecretOn(this AccessSnapshot grants, Meeting meeting) =>
        grants.IsMemberDuring(meeting.OrganId, meeting.LocalDate, meeting.LocalDate) || grants.Can(Operation.ReadSecretDocuments, meeting.OrganId);

    /// <summary>The handlingar (not the tjänsteskrivelse) each item of the meeting puts before the members, as (item, handling) pairs.</summary>
    public static IEnumerable<(Guid ItemId, Guid DocumentId)> AgendaDocuments(this Meeting meeting) =>
        meeting.Items.SelectMany(i => i.Documents.Where(d => d.CaseDocumentId is not null).Select(d => (i.Id, d.CaseDocumentId!.Value)));

    /// <summary>
    /// The handlingar on the agendas of <paramref name="meetings"/> the user may read, as (meeting, item, handling): a secret
    /// one only where <see cref="CanReadSecretOn"/> allows.
    /// </summary>
    public static async Task<List<(Guid MeetingId, Guid ItemId, Guid DocumentId)>> ReadableAgendaDocumentsAsync(
        this IAppDbContext db, AccessSnapshot grants, IReadOnlyCollection<Meeting> meetings, CancellationToken cancellationToken)
    {
        var all = meetings.SelectMany(m => m.AgendaDocuments().Select(d => (MeetingId: m.Id, d.ItemId, d.DocumentId))).ToList();
        var ids = all.Select(d => d.DocumentId).Distinct().ToList();
        var secret = (await db.CaseDocuments.AsNoTracking().Where(d => ids.Contains(d.Id) && d.SecrecyProvision != null).Select(d => d.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var mayReadSecret = meetings.ToDictionary(m => m.Id, grants.CanReadSecretOn);
        return all.Where(d => !secret.Contains(d.DocumentId) || mayReadSecret[d.MeetingId]).ToList();
    }

    /// <summary>The note, when the signed-in user wrote it; null otherwise (administrators included).</summary>
    public static async Task<MemberNote?> OwnNoteAsync(this IAppDbContext db, AccessSnapshot grants, Guid noteId, bool track, CancellationToken cancellationToken)
    {
        if (grants.UserId is not { } me)
        {
            return null;
        }

        var notes = track ? db.MemberNotes : db.MemberNotes.AsNoTracking();
        return await notes.SingleOrDefaultAsync(n => n.Id == noteId && n.AuthorUserId == me, cancellationToken);
    }

    public static Error NoteNotFound() => Error.NotFound("Anteckningen");
}
