namespace Nämndportal.Application.Common;

/// <summary>Plain text put into HTML (a mail's HTML part, a drafted tjänsteskrivelse).</summary>
public static class HtmlText
{
    /// <summary>Encodes only the markup characters: Swedish letters stay readable (WebUtility would write &amp;#228; for ä).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}
