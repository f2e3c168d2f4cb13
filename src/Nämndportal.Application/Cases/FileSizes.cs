using System.Globalization;

namespace Nämndportal.Application.Cases;

/// <summary>File sizes as Swedish users read them, for messages and lists.</summary>
public static class FileSizes
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"100 MB", "2,5 MB", "12 kB", "300 byte".</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", Swedish) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0", Swedish) + " kB",
        _ => bytes.ToString(Swedish) + " byte",
    };

    public static string TooLarge(long length, long maxBytes) =>
        $"Filen är för stor ({Format(length)}). Den största tillåtna storleken är {Format(maxBytes)}.";
}
