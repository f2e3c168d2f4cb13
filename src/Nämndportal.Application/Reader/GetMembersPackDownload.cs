using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Files;

namespace Nämndportal.Application.Reader;

/// <summary>The pack of the meeting's latest kallelse as a download (<c>/sammantraden/{meetingId}/las/paket/ladda-ned</c>).</summary>
public sealed record GetMembersPackDownload(Guid MeetingId);

/// <summary>
/// The latest <see cref="Domain.Meetings.NoticeVersion"/>'s members' pack for those it goes to (the members called to
/// the meeting, the organ's secret handlers: docs/security.md, "Kallelse packs"), and the pack without secret handlingar
/// for the others the reader admits (officials, administrators). Stamped on every page with the spårbarhetsstämpel, and
/// recorded in the audit trail (a pack with secret material as a secret download) before it is handed out.
/// </summary>
public sealed class GetMembersPackDownloadHandler(
    IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail, IPdfTools pdfTools,
    IUserDirectory users, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<ReaderFile>> HandleAsync(GetMembersPackDownload request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await ReaderAccess.MeetingAsync(db, grants, request.MeetingId, cancellationToken) is not { } meeting)
        {
            return await ReaderAccess.RefuseAsync(db, auditTrail, request.MeetingId, "nedladdning av kallelse med handlingar", "Handlingspaketet", cancellationToken);
        }

        var version = await db.NoticeVersions.AsNoTracking()
            .Where(v => v.MeetingId == meeting.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return new Error("no_pack", "Kallelsen till sammanträdet har inte skickats ännu.");
        }

        var fileId = ReaderAccess.MayReadMembersPack(grants, meeting) ? version.MembersPackFileId : version.RedactedPackFileId;
        if (fileId is null)
        {
            return new Error("no_pack", "Handlingspaketet skrivs fortfarande ut. Försök igen om en stund.");
        }

        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == fileId)
            .Select(f => new { f.Id, f.FileName, f.ContainsSecret, f.Content })
            .SingleAsync(cancellationToken);
        var stamp = TraceabilityStamp.Text(await ReaderAccess.StampNameAsync(users, user, cancellationToken), clock.GetUtcNow());
        var stamped = pdfTools.StampFooter(file.Content, stamp);
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == meeting.OrganId).Select(o => o.ShortName).SingleAsync(cancellationToken);
        var what = $"Kallelse med handlingar till {organ} {meeting.LocalDate:yyyy-MM-dd}, version {version.Number}";
        if (file.ContainsSecret)
        {
            auditTrail.SecretFileRead(db, file.Id, null, what);
        }
        else
        {
            auditTrail.StampedDownload(db, nameof(StoredFile), file.Id, null, what);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<ReaderFile>.Ok(new ReaderFile(file.FileName, stamped, FileBlob.Checksum(stamped), file.ContainsSecret));
    }
}
