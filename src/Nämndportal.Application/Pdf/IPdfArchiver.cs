namespace Nämndportal.Application.Pdf;

/// <summary>
/// Writes the archival rendition of a finished PDF: PDF/A-2b (ISO 19005-2, level B: the look is preserved, fonts embedded,
/// an sRGB output intent, XMP identification). Rule 26: protokoll kept for the archive are PDF/A. The rendition carries no
/// structure tags (level A would need them); the tagged PDF is kept beside it for reading.
/// </summary>
public interface IPdfArchiver
{
    Task<byte[]> ToPdfAAsync(byte[] document, CancellationToken cancellationToken = default);
}
