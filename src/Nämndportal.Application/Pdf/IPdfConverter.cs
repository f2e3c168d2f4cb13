using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Pdf;

/// <summary>Makes a PDF of an office document or an image (LibreOffice headless, in Infrastructure).</summary>
public interface IPdfConverter
{
    /// <summary>The PDF, or a short Swedish reason why it could not be made (for the user; it names no content).</summary>
    Task<PdfConversion> ConvertAsync(byte[] content, FileKind kind, CancellationToken cancellationToken = default);
}
