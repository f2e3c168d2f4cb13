namespace Nämndportal.Application.Pdf;

/// <summary>
/// An ersättningssida: a page in a pack in place of a handling, naming it and saying why (glossary). For
/// <see cref="PlaceholderReason.Secret"/>, <paramref name="SecrecyProvision"/> is the OSL provision of the handling's
/// sekretessmarkering, e.g. "OSL 26 kap. 1 §".
/// </summary>
public sealed record PlaceholderPage(PlaceholderReason Reason, string? SecrecyProvision = null)
{
    /// <summary>The sentence the page prints under the handling's name.</summary>
    public string Explanation => Reason switch
    {
        PlaceholderReason.Secret => string.IsNullOrWhiteSpace(SecrecyProvision)
            ? "Handlingen omfattas av sekretess och finns hos nämndsekreteraren."
            : $"Handlingen omfattas av sekretess enligt {SecrecyProvision.Trim()} och finns hos nämndsekreteraren.",
        PlaceholderReason.ClosedItem => "Ärendet behandlas inom stängda dörrar. Handlingarna finns hos nämndsekreteraren.",
        PlaceholderReason.Corrupt => "Handlingen kunde inte läsas (filen är skadad).",
        PlaceholderReason.Encrypted => "Handlingen är krypterad och kan inte visas i paketet.",
        PlaceholderReason.NotConverted => "Handlingen håller på att konverteras till PDF och kommer med i nästa utskick.",
        PlaceholderReason.ConversionFailed => "Handlingen kunde inte göras om till PDF. Den finns hos nämndsekreteraren.",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, null),
    };
}
