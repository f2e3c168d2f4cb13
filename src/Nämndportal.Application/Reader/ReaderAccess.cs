using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>A handling version on a meeting's agenda, as the reader found it for the user.</summary>
internal sealed record ReaderDocument(Meeting Meeting, Case Case, CaseDocument Document, DocumentVersion Version);

/// <summary>
/// The meeting reader's access rule (docs/security.md, "The meeting reader's files"): the meeting is seen by the members
/// whose seat is valid on the meeting's date, the organ's officials and those who plan its meetings
/// (<see cref="AgendaEditing.CanView"/>); a secret handling on its agenda only by those the members' pack goes to (the
/// members called to the meeting, those who handle the organ's secret matters) and the case's own handläggare. Missing
/// and forbidden are one answer, and a refusal of a file is written to the audit trail. A note is read by its author, and by
/// those it is shared with while they may still read the meeting; nobody else, whatever their role.
/// </summary>
internal static class ReaderAccess
{
    public static async Task<Meeting?> MeetingAsync(IAppDbContext db, AccessSnapshot grants, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(meetingId, track: false, cancellationToken);
        return meeting is not null && grants.CanView(meeting) ? meeting : null;
    }

    /// <summary>The meeting, when the user may see its agenda (<see cref="AgendaEditing.CanView"/>); null otherwise.</summary>
    public static Task<Meeting?> ReadableMeetingAsync(this IAppDbContext db, AccessSnapshot grants, Guid meetingId, CancellationToken cancellationToken) =>
        MeetingAsync(db, grants, meetingId, cancellationToken);

    /// <summary>A version of a handling that one of the meeting's items puts in the pack (any version of it), or null.</summary>
    /// <remarks>
    /// pdf.js asks for a long handling in some twenty ranges at once, and each one comes here: so the meeting is read without
    /// its agenda, and the version, its handling and its case in one query that also finds the handling on the agenda.
    /// The returned <see cref="ReaderDocument.Meeting"/> has no items.
    /// </remarks>
    public static async Task<ReaderDocument?> DocumentAsync(IAppDbContext db, AccessSnapshot grants, Guid meetingId, Guid versionId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return null;
        }

        var onAgenda = db.AgendaDocumentIds(meetingId);
        var found = await (from v in db.DocumentVersions.AsNoTracking()
                           where v.Id == versionId
                           join d in db.CaseDocuments.AsNoTracking() on v.DocumentId equals d.Id
                           join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id
                           where onAgenda.Contains(v.DocumentId)
                           select new { Version = v, Document = d, Case = c }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || (found.Document.IsSecret && !MayReadSecret(grants, meeting, found.Case)))
        {
            return null;
        }

        return new ReaderDocument(meeting, found.Case, found.Document, found.Version);
    }

    /// <summary>
    /// The handlingar (not the tjänsteskrivelse) the meeting's items put in the pack, as a query for another query to
    /// include: the check "on this meeting's agenda" then costs no round trip of its own.
    /// </summary>
    public static IQueryable<Guid> AgendaDocumentIds(this IAppDbContext db, Guid meetingId) =>
        from a in db.AgendaItemDocuments
        join i in db.AgendaItems on a.AgendaItemId equals i.Id
        where i.MeetingId == meetingId && a.CaseDocumentId != null
        select a.CaseDocumentId!.Value;

    /// <summary>As the members' pack (GetStoredFile): the members called to the meeting, the organ's secret handlers, the case's handläggare.</summary>
    public static bool MayReadSecret(AccessSnapshot grants, Meeting meeting, Case @case) =>
        grants.IsMemberDuring(meeting.OrganId, meeting.LocalDate, meeting.LocalDate)
        || grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);

    /// <summary>Whether the members' pack (with secret handlingar) goes to the user, rather than the pack without them.</summary>
    public static bool MayReadMembersPack(AccessSnapshot grants, Meeting meeting) => grants.CanReadSecretOn(meeting);

    /// <summary>Records the refusal (saved now) and gives the one answer for missing and forbidden.</summary>
    public static async Task<Error> RefuseAsync(
        IAppDbContext db, AuditTrailRecorder auditTrail, Guid meetingId, string what, string answer, CancellationToken cancellationToken)
    {
        auditTrail.ReaderRefused(db, meetingId, what);
        await db.SaveChangesAsync(cancellationToken);
        return Error.NotFound(answer);
    }

    /// <summary>The name the spårbarhetsstämpel carries: the login's display name, else its user name.</summary>
    public static Task<string> StampNameAsync(IUserDirectory users, ICurrentUser user, CancellationToken cancellationToken) =>
        DocumentFiles.MarkerNameAsync(users, user, cancellationToken);

    public static string PdfName(DocumentVersion version) => Path.GetFileNameWithoutExtension(version.FileName) + ".pdf";

    public static Error NoPdf(DocumentVersion version) => new("no_pdf", version.RenditionStatus == RenditionStatus.Failed
        ? version.RenditionError ?? "Det gick inte att göra en PDF av filen."
        : "PDF:en av filen skapas fortfarande. Försök igen om en stund.");

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
