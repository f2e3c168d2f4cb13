using System.Security.Cryptography;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Files;

/// <summary>A file the portal produced (a rendered PDF), kept with its checksum so what was produced can be proven later.</summary>
public sealed class StoredFile : Entity
{
    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public StoredFile(string fileName, string contentType, byte[] content, Guid? ownerUserId)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Filen är tom.");
        }

        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        OwnerUserId = ownerUserId;
    }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>Who may download it; null means only administrators.</summary>
    public Guid? OwnerUserId { get; private set; }
}
