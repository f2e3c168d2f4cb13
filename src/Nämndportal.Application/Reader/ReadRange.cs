namespace Nämndportal.Application.Reader;

/// <summary>
/// The one byte range an HTTP request asked for (<c>Range: bytes=500-999</c>), as far as the audit trail cares: a viewer
/// such as pdf.js reads a long document in many ranges, and a read is recorded once, not once per range.
/// </summary>
/// <param name="FirstByte">The range's first byte; null for a suffix range (<c>bytes=-500</c>, the last 500 bytes).</param>
/// <param name="IfRange">The request's If-Range header as sent, or null.</param>
public sealed record ReadRange(long? FirstByte, string? IfRange)
{
    /// <summary>
    /// Whether this request continues a read already recorded: it asks for a range that does not start at byte 0, and the
    /// range will be honoured (no If-Range, or one naming <paramref name="entityTag"/>, the file's current strong ETag).
    /// A request without a range, with a range from byte 0, or whose If-Range no longer matches (the whole file is sent)
    /// starts a new read.
    /// </summary>
    public bool Continues(string entityTag) => FirstByte is not 0 && (IfRange is null || string.Equals(IfRange, entityTag, StringComparison.Ordinal));

    /// <summary>The strong ETag of content with this SHA-256 (hex), quoted as HTTP wants it.</summary>
    public static string EntityTag(string sha256) => $"\"{sha256}\"";
}
