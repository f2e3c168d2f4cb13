namespace Nämndportal.Domain.Cases;

/// <summary>What a file's bytes turned out to be: one of the kinds the portal takes, or a description of something else.</summary>
public sealed record SniffedContent(FileKind? FileKind, string? Description)
{
    public static SniffedContent Kind(FileKind kind) => new(kind, null);

    public static SniffedContent Other(string? description) => new(null, description);
}
