using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Makes the PDF of a non-PDF version (LibreOffice, through <see cref="IPdfConverter"/>) for reading and for the
/// kallelse pack, then hands it on to text extraction. A file that cannot be converted is marked so, with a Swedish
/// message the case page shows. Safe to run again: a version that is no longer waiting is left as it is.
/// </summary>
public sealed class RenderDocumentPdfJob(
    IAppDbContextFactory dbFactory,
    IPdfConverter converter,
    IPdfReader pdf,
    IJobScheduler jobs,
    ILogger<RenderDocumentPdfJob> logger)
{
    public const string FailurePrefix = "Kunde inte göra en PDF av filen: ";

    public async Task RunAsync(Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var version = await db.DocumentVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return;
        }

        switch (version.RenditionStatus)
        {
            case RenditionStatus.Ready:
                // A retry after the rendition was saved but before the next step was queued.
                jobs.Enqueue<ExtractDocumentTextJob>(job => job.RunAsync(versionId, CancellationToken.None));
                return;
            case RenditionStatus.NotNeeded:
            case RenditionStatus.Failed:
                return;
            case RenditionStatus.Pending:
                break;
            default:
                throw new InvalidOperationException($"Unknown rendition status {version.RenditionStatus}.");
        }

        var content = await db.FileBlobs.AsNoTracking().Where(b => b.Sha256 == version.Sha256).Select(b => b.Content).SingleAsync(cancellationToken);
        PdfConversion conversion;
        try
        {
            conversion = await converter.ConvertAsync(content, version.Kind, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The handling must say that no PDF came, not wait for one for ever.
            logger.LogError(ex, "PDF conversion of version {VersionId} ({Kind}) threw", versionId, version.Kind);
            conversion = PdfConversion.Failed("ett oväntat fel inträffade vid konverteringen");
        }
        var problem = conversion.Problem;
        if (conversion.Pdf is { } rendition)
        {
            var inspection = pdf.Inspect(rendition);
            if (inspection.Condition == PdfCondition.Readable)
            {
                await using var transaction = await db.BeginTransactionAsync(cancellationToken);
                var sha256 = await db.StoreFileBlobAsync(rendition, cancellationToken);
                version.RenditionSucceeded(sha256, inspection.PageCount);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("PDF rendition of version {VersionId} stored: {Pages} pages", versionId, inspection.PageCount);
                jobs.Enqueue<ExtractDocumentTextJob>(job => job.RunAsync(versionId, CancellationToken.None));
                return;
            }

            problem = "PDF:en som LibreOffice gav går inte att läsa";
        }

        logger.LogWarning("PDF rendition of version {VersionId} ({Kind}) failed", versionId, version.Kind);
        version.RenditionFailed(FailurePrefix + problem + ".");
        await db.SaveChangesAsync(cancellationToken);
    }
}
