namespace Nämndportal.Application.Cases;

/// <summary>Settings for handlingar (section "Documents").</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>The largest file accepted, in bytes (default 100 MB). The bytes live in PostgreSQL (ADR 0005).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;
}
