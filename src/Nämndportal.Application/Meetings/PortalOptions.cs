namespace Nämndportal.Application.Meetings;

/// <summary>The portal's own public address (section "Portal"), for links in e-mails: {BaseUrl}/sammantraden/{id}.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The address users reach the portal at, without a trailing slash, e.g. https://namndportal.exempelby.se.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}
