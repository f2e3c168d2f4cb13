namespace Nämndportal.Application.Pdf;

/// <summary>An assembled pack: the PDF, its page count, the front matter's length and where each item and document is.</summary>
public sealed record PdfPack(byte[] Pdf, int PageCount, int FrontMatterPages, IReadOnlyList<PdfPackItemPages> Items);
