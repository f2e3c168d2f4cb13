namespace Nämndportal.Application.Pdf;

/// <summary>The items of a pack with their documents opened and counted, ready to be joined behind a kallelse page.</summary>
public interface IPdfPackDraft : IDisposable
{
    /// <summary>Where each item and document will be, 1-based, if the front matter (the kallelse page) has so many pages.</summary>
    IReadOnlyList<PdfPackItemPages> Layout(int frontMatterPages);

    /// <summary>
    /// Joins <paramref name="frontMatter"/> (may be null: no kallelse page) and the items into one PDF; a
    /// <paramref name="stamp"/> ("Utkast") is written in red at the top right of every page.
    /// </summary>
    PdfPack Assemble(PdfPackFrontMatter? frontMatter, string title, string? stamp = null);

    /// <summary>
    /// Renders the front matter for the layout it will have (starting from one page), renders it again while its length
    /// differs from the length the layout assumed (at most three times), and assembles the pack.
    /// </summary>
    Task<PdfPack> AssembleAsync(
        string title,
        string? frontMatterOutlineTitle,
        Func<IReadOnlyList<PdfPackItemPages>, CancellationToken, Task<byte[]>> renderFrontMatter,
        string? stamp = null,
        CancellationToken cancellationToken = default);
}
