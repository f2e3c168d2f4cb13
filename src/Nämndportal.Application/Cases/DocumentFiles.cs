using System.Text;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Pdf;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;

namespace Nämndportal.Application.Cases;

/// <summary>A file that passed every check of an upload, ready to be stored.</summary>
internal sealed record CheckedFile(string FileName, FileKind Kind, string ContentType, string Sha256, int? PageCount);

/// <summary>What the handlingar use cases share: the checks of an uploaded file, the duplicate rule, and access to a handling.</summary>
internal static class DocumentFiles
{
    /// <summary>
    /// The bad-input rules of an upload, in the order a user can act on them: a file is chosen, not empty, not too
    /// large, of a kind the portal takes and named as what it is, and (a PDF) opens without a password.
    /// </summary>
    public static Result<CheckedFile> Check(string? fileName, byte[]? content, long maxBytes, IPdfReader pdf)
    {
        var name = CleanFileName(fileName);
        if (name is null)
        {
            return Error.Invalid("Välj en fil.");
        }

        if (content is null || content.Length == 0)
        {
            return Error.Invalid("Filen är tom.");
        }

        if (content.LongLength > maxBytes)
        {
            return Error.Invalid(FileSizes.TooLarge(content.LongLength, maxBytes));
        }

        var check = FileSniffer.Check(name, content);
        if (check.Kind is not { } kind)
        {
            return Error.Invalid(check.Problem!);
        }

        int? pages = null;
        if (kind == FileKind.Pdf)
        {
            var inspection = pdf.Inspect(content);
            var problem = inspection.Condition switch
            {
                PdfCondition.Readable => null,
                PdfCondition.Corrupt => "PDF:en går inte att öppna: filen verkar vara skadad. Spara eller exportera den på nytt och försök igen.",
                PdfCondition.PasswordProtected => "PDF:en är lösenordsskyddad och kan inte läsas av nämndens ledamöter. Spara en kopia utan lösenord och ladda upp den.",
                PdfCondition.Encrypted => "PDF:en är krypterad (den har skydd mot till exempel utskrift eller kopiering). Spara en kopia utan skydd och ladda upp den.",
                _ => throw new ArgumentOutOfRangeException(nameof(content), inspection.Condition, null),
            };
            if (problem is not null)
            {
                return Error.Invalid(problem);
            }

            pages = inspection.PageCount;
        }

        return Result<CheckedFile>.Ok(new CheckedFile(name, kind, FileSniffer.ContentType(kind), FileBlob.Checksum(content), pages));
    }

    /// <summary>The name without any folder part, control characters or characters other systems refuse; null if nothing is left.</summary>
    public static string? CleanFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().TrimStart('.').Trim();
        if (result.Length > 200)
        {
            // A name this long keeps its extension for the type check, unless the extension itself is absurd.
            var extension = Path.GetExtension(result);
            result = extension.Length < 20 ? result[..(200 - extension.Length)] + extension : result[..200];
        }

        return result.Length == 0 ? null : result;
    }

    /// <summary>
    /// The same bytes already in the case (in any handling and version the user may see) are refused, naming where
    /// they are. Secret handlingar take part only for those who may read them: otherwise an upload would confirm
    /// what a hidden handling contains.
    /// </summary>
    public static async Task<Error?> DuplicateAsync(IAppDbContext db, Case @case, AccessSnapshot grants, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(grants);
        var caseId = @case.Id;
        var mayReadSecret = grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId);
        var existing = await (from v in db.DocumentVersions
                              join d in db.CaseDocuments on v.DocumentId equals d.Id
                              where v.CaseId == caseId && v.Sha256 == sha256 && (mayReadSecret || d.SecrecyProvision == null)
                              orderby d.Ordinal, v.Number
                              select new { d.Ordinal, v.Number }).FirstOrDefaultAsync(cancellationToken);
        return existing is null
            ? null
            : new Error("duplicate", $"Filen finns redan i ärendet som handling {existing.Ordinal}, version {existing.Number}.");
    }

    /// <summary>After the version is committed: its PDF rendition, or (a PDF) straight to text extraction.</summary>
    public static void StartBackgroundWork(IJobScheduler jobs, DocumentVersion version)
    {
        var id = version.Id;
        if (version.RenditionStatus == RenditionStatus.Pending)
        {
            jobs.Enqueue<RenderDocumentPdfJob>(job => job.RunAsync(id, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<ExtractDocumentTextJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }

    /// <summary>
    /// A handling and its case as the user may see them: null when it does not exist, the user may not
    /// <paramref name="operation"/> the case's organ, or it is secret and the user is not entitled to secret material
    /// (the same answer in every case, so nothing about it leaks).
    /// </summary>
    public static async Task<(CaseDocument Document, Case Case)?> FindAsync(
        IAppDbContext db, AccessSnapshot access, Guid documentId, Operation operation, bool track, CancellationToken cancellationToken)
    {
        var documents = track ? db.CaseDocuments : db.CaseDocuments.AsNoTracking();
        var document = await documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == document.CaseId, cancellationToken);
        if (@case is null || !access.Can(operation, @case.OrganId)
            || (document.IsSecret && !access.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId)))
        {
            return null;
        }

        return (document, @case);
    }

    /// <summary>The name to record as who marked a handling secret (OSL 5:5): the display name, else the user name.</summary>
    public static async Task<string> MarkerNameAsync(IUserDirectory users, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.UserId is { } id && (await users.DisplayNamesAsync([id], cancellationToken)).TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return user.UserName ?? "okänd användare";
    }
}
