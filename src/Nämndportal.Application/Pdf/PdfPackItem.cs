namespace Nämndportal.Application.Pdf;

/// <summary>One agenda item in a pack: its outline entry and its documents in the order they are printed.</summary>
public sealed record PdfPackItem(string OutlineTitle, IReadOnlyList<PdfPackDocument> Documents);
