using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Reader;

/// <summary>A handling version on a meeting's agenda, as the reader found it for the user.</summary>
internal sealed record ReaderDocument(Meeting Meeting, Case Case, CaseDocument Document, DocumentVersion Version);

/// <summary>
/// The meeting reader's access rule (docs/security.md, "The meeting reader's files"): the meeting is seen by the members
/// whose seat is valid on the meeting's date, the organ's officials and those who plan its meetings
/// (<see cref="AgendaEditing.CanView"/>); a secret handling on its agenda only by those the members' pack goes to (the
/// members called to the meeting, those who handle the organ's secret matters) and the case's own handläggare. Missing
/// and forbidden are one answer, and a refusal is written to the audit trail.
/// </summary>
internal static class ReaderAccess
{
    public static async Task<Meeting?> MeetingAsync(IAppDbContext db, AccessSnapshot grants, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(meetingId, track: false, cancellationToken);
        return meeting is not null && grants.CanView(meeting) ? meeting : null;
    }

    /// <summary>A version of a handling that one of the meeting's items puts in the pack (any version of it), or null.</summary>
    public static async Task<ReaderDocument?> DocumentAsync(IAppDbContext db, AccessSnapshot grants, Guid meetingId, Guid versionId, CancellationToken cancellationToken)
    {
        if (await MeetingAsync(db, grants, meetingId, cancellationToken) is not { } meeting)
        {
            return null;
        }

        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null || !meeting.Items.Any(i => i.Documents.Any(d => d.CaseDocumentId == version.DocumentId)))
        {
            return null;
        }

        var document = await db.CaseDocuments.AsNoTracking().SingleAsync(d => d.Id == version.DocumentId, cancellationToken);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == document.CaseId, cancellationToken);
        if (document.IsSecret && !MayReadSecret(grants, meeting, @case))
        {
            return null;
        }

        return new ReaderDocument(meeting, @case, document, version);
    }

    /// <summary>As the members' pack (GetStoredFile): the members called to the meeting, the organ's secret handlers, the case's handläggare.</summary>
    public static bool MayReadSecret(AccessSnapshot grants, Meeting meeting, Case @case) =>
        grants.IsMemberDuring(meeting.OrganId, meeting.LocalDate, meeting.LocalDate)
        || grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);

    /// <summary>Whether the members' pack (with secret handlingar) goes to the user, rather than the pack without them.</summary>
    public static bool MayReadMembersPack(AccessSnapshot grants, Meeting meeting) =>
        grants.IsMemberDuring(meeting.OrganId, meeting.LocalDate, meeting.LocalDate)
        || grants.Can(Operation.ReadSecretDocuments, meeting.OrganId);

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
}
