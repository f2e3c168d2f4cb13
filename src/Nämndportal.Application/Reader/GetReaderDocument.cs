using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>
/// The readable PDF of a version of a handling on the meeting's agenda, for the meeting reader
/// (<c>/sammantraden/{meetingId}/las/dokument/{versionId}</c>). <paramref name="Range"/> is the byte range the request
/// asked for, if any: a secret handling's read is recorded once per read, not once per range.
/// </summary>
public sealed record GetReaderDocument(Guid MeetingId, Guid VersionId, ReadRange? Range = null);

/// <param name="Content">The file, seekable (its length known), so the endpoint answers a range request by reading only the range.</param>
/// <param name="Sha256">The content's SHA-256 (hex): its strong ETag.</param>
/// <param name="IsSecret">Secret-marked: the response must not be cached.</param>
public sealed record ReaderFile(string FileName, Stream Content, string Sha256, bool IsSecret)
{
    public ReaderFile(string fileName, byte[] content, string sha256, bool isSecret)
        : this(fileName, new MemoryStream(content, writable: false), sha256, isSecret)
    {
    }
}

/// <summary>
/// Gives the PDF to those the reader's rule admits (<see cref="ReaderAccess"/>); a secret handling's read is in the audit
/// trail, saved before a byte is handed out, unless the request continues a read already recorded. Anything else
/// answers "finns inte" and the refusal is recorded.
/// </summary>
public sealed class GetReaderDocumentHandler(IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail)
{
    public async Task<Result<ReaderFile>> HandleAsync(GetReaderDocument request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await ReaderAccess.DocumentAsync(db, grants, request.MeetingId, request.VersionId, cancellationToken) is not { } found)
        {
            return await ReaderAccess.RefuseAsync(db, auditTrail, request.MeetingId, $"handling (version {request.VersionId})", "Handlingen", cancellationToken);
        }

        var version = found.Version;
        if (version.ReadablePdfSha256 is not { } sha256)
        {
            return ReaderAccess.NoPdf(version);
        }

        if (found.Document.IsSecret && request.Range?.Continues(ReadRange.EntityTag(sha256)) != true)
        {
            auditTrail.SecretRead(db, found.Document, found.Case.Number, version.Number, download: false);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Read by ranges as the viewer asks (pdf.js fetches the first page of a long handling, not all of it).
        var length = await db.FileBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Length).SingleAsync(cancellationToken);
        var content = new StoredFileStream(dbFactory, sha256, length);
        return Result<ReaderFile>.Ok(new ReaderFile(ReaderAccess.PdfName(version), content, sha256, found.Document.IsSecret));
    }
}
