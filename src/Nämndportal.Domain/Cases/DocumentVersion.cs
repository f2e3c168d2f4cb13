using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// One version of a handling's file. Versions are only ever added: a new upload is a new version with its own
/// SHA-256, and the earlier ones stay as they were. The bytes live in <see cref="Files.FileBlob"/>, keyed by checksum.
/// </summary>
public sealed class DocumentVersion : Entity, ICaseOwned
{
    private DocumentVersion()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    public DocumentVersion(Guid caseId, Guid documentId, int number, string fileName, FileKind kind, string contentType, long length, string sha256)
        : this()
    {
        if (number < 1)
        {
            throw new DomainException("Versionsnumret börjar på 1.");
        }

        if (length <= 0)
        {
            throw new DomainException("Filen är tom.");
        }

        if (sha256.Length != 64)
        {
            throw new DomainException("Kontrollsumman ska vara en SHA-256 i hex.");
        }

        CaseId = caseId;
        DocumentId = documentId;
        Number = number;
        FileName = fileName;
        Kind = kind;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        RenditionStatus = kind == FileKind.Pdf ? RenditionStatus.NotNeeded : RenditionStatus.Pending;
    }

    public Guid CaseId { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>1 for the first upload, then 2, 3 …</summary>
    public int Number { get; private set; }

    public string FileName { get; private set; }

    public FileKind Kind { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    /// <summary>The SHA-256 of the file as uploaded (lower-case hex); also the key of its bytes.</summary>
    public string Sha256 { get; private set; }

    public int? PageCount { get; private set; }

    public RenditionStatus RenditionStatus { get; private set; }

    /// <summary>The checksum (and blob key) of the PDF made from a non-PDF file.</summary>
    public string? RenditionSha256 { get; private set; }

    /// <summary>Why conversion failed, in Swedish, for the user.</summary>
    public string? RenditionError { get; private set; }

    /// <summary>The checksum of the PDF to read and to put in a kallelse pack: the file itself, or its rendition.</summary>
    public string? ReadablePdfSha256 => Kind == FileKind.Pdf ? Sha256 : RenditionSha256;

    public void SetPageCount(int pages) => PageCount = pages;

    public void RenditionSucceeded(string sha256, int pages)
    {
        RenditionStatus = RenditionStatus.Ready;
        RenditionSha256 = sha256;
        RenditionError = null;
        PageCount = pages;
    }

    public void RenditionFailed(string message)
    {
        RenditionStatus = RenditionStatus.Failed;
        RenditionError = message;
    }
}
