namespace Nämndportal.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>Debian's Chromium. Playwright drives it; no browser is downloaded.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents print at once; each gets its own page in the one shared browser.</summary>
    public int MaxConcurrentPages { get; set; } = 2;

    /// <summary>Debian's Ghostscript, which writes the protokoll's PDF/A-2b rendition.</summary>
    public string GhostscriptPath { get; set; } = "/usr/bin/gs";

    /// <summary>The sRGB ICC profile Ghostscript ships: the PDF/A output intent.</summary>
    public string SrgbProfilePath { get; set; } = "/usr/share/color/icc/ghostscript/srgb.icc";
}
