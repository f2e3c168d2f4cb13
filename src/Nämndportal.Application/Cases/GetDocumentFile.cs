using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// The bytes of one version of a handling: the file as uploaded (a download) or its PDF (for reading). Reading a
/// secret-marked handling is written to the audit trail, and that line is saved before any byte is handed out.
/// </summary>
public sealed record GetDocumentFile(Guid VersionId, DocumentFileForm Form = DocumentFileForm.Original);

public enum DocumentFileForm
{
    /// <summary>The file as uploaded, for download.</summary>
    Original,

    /// <summary>The PDF to read: the file itself if it is one, else its rendition.</summary>
    Pdf,
}

/// <param name="IsSecret">Secret-marked: the response must not be cached.</param>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content, bool IsSecret);

public sealed class GetDocumentFileHandler(IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail)
{
    public async Task<Result<DocumentFile>> HandleAsync(GetDocumentFile request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var version = await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VersionId, cancellationToken);
        if (version is null
            || await DocumentFiles.FindAsync(db, grants, version.DocumentId, Operation.ReadCase, track: false, cancellationToken) is not { } found)
        {
            return Error.NotFound("Handlingen");
        }

        var (document, @case) = found;
        var sha256 = request.Form == DocumentFileForm.Original ? version.Sha256 : version.ReadablePdfSha256;
        if (sha256 is null)
        {
            return new Error("no_pdf", version.RenditionStatus == RenditionStatus.Failed
                ? version.RenditionError ?? "Det gick inte att göra en PDF av filen."
                : "PDF:en av filen skapas fortfarande. Försök igen om en stund.");
        }

        if (document.IsSecret)
        {
            auditTrail.SecretRead(db, document, @case.Number, version.Number, download: request.Form == DocumentFileForm.Original);
            await db.SaveChangesAsync(cancellationToken);
        }

        var content = await db.FileBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleAsync(cancellationToken);
        return request.Form == DocumentFileForm.Original
            ? Result<DocumentFile>.Ok(new DocumentFile(version.FileName, version.ContentType, content, document.IsSecret))
            : Result<DocumentFile>.Ok(new DocumentFile(Path.GetFileNameWithoutExtension(version.FileName) + ".pdf", "application/pdf", content, document.IsSecret));
    }
}
