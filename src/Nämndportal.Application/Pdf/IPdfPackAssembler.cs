namespace Nämndportal.Application.Pdf;

/// <summary>
/// Joins a kallelse pack (handlingspaket) from finished PDFs: the kallelse page first, then per agenda item its
/// documents, with an outline entry per item and per document and "Sida X av Y" stamped on every page across the pack.
/// A document that cannot be read (corrupt, encrypted) never fails the pack: an ersättningssida naming it takes its place.
/// </summary>
/// <remarks>
/// The kallelse page prints the page range of each item, which depends on its own length. So the job first
/// <see cref="Prepare"/>s the items (each source PDF is opened once and its pages counted), then renders the kallelse page
/// for <see cref="IPdfPackDraft.Layout"/> and assembles; <see cref="IPdfPackDraft.AssembleAsync"/> does that loop.
/// Parts passed in should be printed without Chromium's own "Sida X av Y" (<see cref="PdfLayout.NumberPages"/> false):
/// the pack numbers every page itself.
/// </remarks>
public interface IPdfPackAssembler
{
    /// <summary>Opens every document once and decides which need an ersättningssida. Dispose the draft when done.</summary>
    IPdfPackDraft Prepare(IReadOnlyList<PdfPackItem> items);
}
