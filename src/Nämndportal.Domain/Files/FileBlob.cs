namespace Nämndportal.Domain.Files;

/// <summary>
/// The bytes of an uploaded file or a rendition, stored once per content and keyed by their SHA-256 (ADR 0005).
/// Never updated or deleted by the application: a version points at its bytes by checksum.
/// </summary>
public sealed class FileBlob
{
    private FileBlob()
    {
        Sha256 = string.Empty;
        Content = [];
    }

    public FileBlob(byte[] content)
        : this()
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Length = content.LongLength;
        Sha256 = Checksum(content);
    }

    public string Sha256 { get; private set; }

    public long Length { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static string Checksum(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
