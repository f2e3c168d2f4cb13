using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Reads the text of a version's PDF (the file itself or its rendition) into <see cref="DocumentText"/>, for search,
/// and its page count onto the version, then has the members' notes on earlier versions moved to it
/// (<see cref="Reader.RelocateNotesJob"/>). Safe to run again: a version whose text is stored is left alone.
/// </summary>
public sealed class ExtractDocumentTextJob(IAppDbContextFactory dbFactory, IPdfReader pdf, IJobScheduler jobs, ILogger<ExtractDocumentTextJob> logger)
{
    /// <summary>
    /// Text kept per version. PostgreSQL's tsvector holds at most 1 MB; a million characters of running text stays
    /// well under it, and a longer document is still found by its first several hundred pages.
    /// </summary>
    public const int MaxTextLength = 1_000_000;

    public async Task RunAsync(Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var version = await db.DocumentVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version?.ReadablePdfSha256 is not { } sha256 || await db.DocumentTexts.AnyAsync(t => t.VersionId == versionId, cancellationToken))
        {
            return;
        }

        var content = await db.FileBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).SingleAsync(cancellationToken);
        IReadOnlyList<string> pages;
        try
        {
            pages = pdf.PageTexts(content);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The PDF was opened at upload; a page whose text PdfPig cannot read leaves the version without search text.
            logger.LogWarning(ex, "No text could be read from the PDF of version {VersionId}", versionId);
            return;
        }

        var text = Normalise(pages);
        if (version.PageCount != pages.Count)
        {
            version.SetPageCount(pages.Count);
        }

        db.DocumentTexts.Add(new DocumentText(version.Id, version.DocumentId, version.CaseId, text, pages.Count));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run stored it a moment ago.
            await using var check = await dbFactory.CreateAsync(cancellationToken);
            if (!await check.DocumentTexts.AnyAsync(t => t.VersionId == versionId, cancellationToken))
            {
                throw;
            }

            return;
        }

        if (await db.MemberNotes.AnyAsync(n => n.CaseDocumentId == version.DocumentId && n.DocumentVersionId != version.Id, cancellationToken))
        {
            jobs.Enqueue<Reader.RelocateNotesJob>(job => job.RunAsync(version.DocumentId, version.Id, CancellationToken.None));
        }
    }

    /// <summary>
    /// One line of text per page, an empty page an empty line (so line i is page i + 1, for moving notes): soft hyphens
    /// (U+00AD) removed, so a word broken at a line end is found whole; every run of white space and control characters (NUL included, which PostgreSQL refuses) made one space.
    /// </summary>
    public static string Normalise(IEnumerable<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var text = new StringBuilder();
        var first = true;
        foreach (var page in pages)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            var start = text.Length;
            var space = false;
            foreach (var rune in (page ?? string.Empty).EnumerateRunes())
            {
                if (rune.Value == 0x00AD)
                {
                    continue;
                }

                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
                {
                    space = text.Length > start;
                    continue;
                }

                if (space)
                {
                    text.Append(' ');
                    space = false;
                }

                text.Append(rune.ToString());
            }
        }

        var result = text.ToString();
        if (result.Length <= MaxTextLength)
        {
            return result;
        }

        var cut = char.IsHighSurrogate(result[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return result[..cut];
    }
}
