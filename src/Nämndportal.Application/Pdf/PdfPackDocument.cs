namespace Nämndportal.Application.Pdf;

/// <summary>
/// One document of an item: its outline entry (<paramref name="Name"/>, which an ersättningssida also prints) and
/// either its PDF or the reason an ersättningssida stands in its place.
/// </summary>
public sealed record PdfPackDocument(string Name, byte[]? Pdf, PlaceholderPage? Placeholder)
{
    public static PdfPackDocument Of(string name, byte[] pdf) => new(name, pdf, null);

    public static PdfPackDocument InPlaceOf(string name, PlaceholderPage placeholder) => new(name, null, placeholder);
}
