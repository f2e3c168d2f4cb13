namespace Nämndportal.Domain.Cases;

/// <summary>The kinds of file a handling may be, as recognised from the file's own bytes (not its name).</summary>
public enum FileKind
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
    Tiff,
}
