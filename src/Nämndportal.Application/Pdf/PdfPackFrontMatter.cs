namespace Nämndportal.Application.Pdf;

/// <summary>The pages before the items (the kallelse page), with an optional outline entry of its own.</summary>
public sealed record PdfPackFrontMatter(byte[] Pdf, string? OutlineTitle);
