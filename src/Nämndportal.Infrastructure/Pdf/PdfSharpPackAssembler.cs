using Nämndportal.Application.Pdf;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>Assembles kallelse packs with PDFsharp 6.2 (MIT): see <see cref="PdfSharpPackDraft"/>.</summary>
public sealed class PdfSharpPackAssembler(IPdfReader reader) : IPdfPackAssembler
{
    public IPdfPackDraft Prepare(IReadOnlyList<PdfPackItem> items) => PdfSharpPackDraft.Open(items, reader);
}
