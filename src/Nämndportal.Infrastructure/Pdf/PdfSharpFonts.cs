using PdfSharp.Fonts;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>
/// PDFsharp 6 finds no fonts on Linux by itself: this resolver serves DejaVu Sans (Debian's fonts-dejavu-core, which
/// dev.sh and the Dockerfile install; it has å, ä, ö) or Liberation Sans for every family asked for.
/// PDFsharp's resolver is a process-wide setting that may be set only once: <see cref="EnsureRegistered"/> does that.
/// </summary>
public sealed class PdfSharpFonts : IFontResolver
{
    /// <summary>The family the pack's own texts ask for.</summary>
    public const string Family = "DejaVu Sans";

    private const string Regular = "np-sans";
    private const string Bold = "np-sans-bold";

    private static readonly string[] RegularCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static readonly string[] BoldCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ];

    private static readonly Lock RegisterLock = new();
    private static readonly PdfSharpFonts Instance = new();
    private static bool _registered;

    private readonly Lazy<byte[]> _regular = new(() => Load(RegularCandidates));
    private readonly Lazy<byte[]?> _bold = new(() => BoldCandidates.FirstOrDefault(File.Exists) is { } path ? File.ReadAllBytes(path) : null);

    public static void EnsureRegistered()
    {
        lock (RegisterLock)
        {
            if (_registered)
            {
                return;
            }

            // Setting the same instance again is allowed; another resolver set first (by other code) is kept.
            if (GlobalFontSettings.FontResolver is null || ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }

            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (bold && _bold.Value is not null)
        {
            return new FontResolverInfo(Bold, false, italic);
        }

        return new FontResolverInfo(Regular, bold, italic);
    }

    public byte[]? GetFont(string faceName) => faceName == Bold ? _bold.Value : _regular.Value;

    private static byte[] Load(string[] candidates) =>
        candidates.FirstOrDefault(File.Exists) is { } path
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException(
                "No TrueType font for PDF stamping: install Debian's fonts-dejavu-core or fonts-liberation2 (dev.sh does).");
}
