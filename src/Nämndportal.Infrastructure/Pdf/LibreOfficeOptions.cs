namespace Nämndportal.Infrastructure.Pdf;

/// <summary>How PDF renditions of office files and images are made (section "Documents:LibreOffice").</summary>
public sealed class LibreOfficeOptions
{
    public const string SectionName = "Documents:LibreOffice";

    /// <summary>The soffice program (Debian's libreoffice-*-nogui packages put it on the PATH).</summary>
    public string Path { get; set; } = "soffice";

    /// <summary>How long one conversion may take before LibreOffice is killed (with all its child processes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Conversions run at once in this process; each is a LibreOffice of its own with its own profile.</summary>
    public int MaxConcurrent { get; set; } = 2;
}
