using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Reader;

/// <summary>A handling on the meeting's agenda as a download (<c>/sammantraden/{meetingId}/las/dokument/{versionId}/ladda-ned</c>).</summary>
public sealed record GetReaderDownload(Guid MeetingId, Guid VersionId);

/// <summary>
/// The readable PDF with the spårbarhetsstämpel on every page ("Nedladdad av {name} {time}"). Every download from the
/// reader is stamped: material on a meeting's agenda is not public until it is published, and the reader has no
/// published copies. Each download is in the audit trail (a secret handling's as a secret download), saved before the
/// file is handed out. Those the reader's rule refuses get "finns inte", recorded.
/// </summary>
public sealed class GetReaderDownloadHandler(
    IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail, IPdfTools pdfTools,
    IUserDirectory users, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<ReaderFile>> HandleAsync(GetReaderDownload request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await ReaderAccess.DocumentAsync(db, grants, request.MeetingId, request.VersionId, cancellationToken) is not { } found)
        {
            return await ReaderAccess.RefuseAsync(db, auditTrail, request.MeetingId, $"nedladdning av handling (version {request.VersionId})", "Handlingen", cancellationToken);
        }

        var (_, @case, document, version) = found;
        if (version.ReadablePdfSha256 is not { } sha256)
        {
            return ReaderAccess.NoPdf(version);
        }

        var content = await db.FileBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleAsync(cancellationToken);
        var stamp = TraceabilityStamp.Text(await ReaderAccess.StampNameAsync(users, user, cancellationToken), clock.GetUtcNow());
        var stamped = pdfTools.StampFooter(content, stamp);
        if (document.IsSecret)
        {
            auditTrail.SecretRead(db, document, @case.Number, version.Number, download: true);
        }
        else
        {
            auditTrail.StampedDownload(db, nameof(CaseDocument), document.Id, @case.Id,
                $"Handling {document.Ordinal}, version {version.Number} i ärende {@case.Number} (PDF)");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<ReaderFile>.Ok(new ReaderFile(ReaderAccess.PdfName(version), stamped, Domain.Files.FileBlob.Checksum(stamped), document.IsSecret));
    }
}
