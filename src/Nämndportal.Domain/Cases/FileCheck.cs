namespace Nämndportal.Domain.Cases;

/// <summary>The outcome of <see cref="FileSniffer.Check"/>: the kind, or why the file is refused (in Swedish).</summary>
public sealed record FileCheck(FileKind? Kind, string? Problem)
{
    public bool IsAccepted => Kind is not null;

    public static FileCheck Accepted(FileKind kind) => new(kind, null);

    public static FileCheck Refused(string problem) => new(null, problem);
}
