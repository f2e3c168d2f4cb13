namespace Nämndportal.Application.Pdf;

/// <summary>
/// One document of an item: its outline entry (<paramref name="Name"/>, which an ersättningssida also prints) and
/// either its PDF or the reason an ersättningssida stands in its place.
/// </summary>
/// <remarks>
/// The name is printed on the ersättningssida and shown in the outline of every variant: for a secret handling in a pack
/// for someone who may not read it, pass a name that reveals nothing of its content (its number, domain rule 22).
/// </remarks>
public sealed record PdfPackDocument(string Name, byte[]? Pdf, PlaceholderPage? Placeholder)
{
    public static PdfPackDocument Of(string name, byte[] pdf) => new(name, pdf, null);

    public static PdfPackDocument InPlaceOf(string name, PlaceholderPage placeholder) => new(name, null, placeholder);
}
