namespace Nämndportal.Domain.Files;

/// <summary>
/// A paketdel: one printed part of a kallelse pack (a tjänsteskrivelse, a kallelse page), kept under the SHA-256 of
/// everything it was printed from, so a pack re-issued after one change prints only the parts whose inputs changed.
/// </summary>
public sealed class PackPart
{
    private PackPart()
    {
        Checksum = string.Empty;
        Content = [];
    }

    public PackPart(string checksum, byte[] content, DateTimeOffset createdAt)
    {
        Checksum = checksum;
        Content = content;
        CreatedAt = createdAt;
    }

    /// <summary>SHA-256 (hex) of the part's inputs and template version (<c>PdfPackChecksum</c>).</summary>
    public string Checksum { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
