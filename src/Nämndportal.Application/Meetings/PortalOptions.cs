namespace Nämndportal.Application.Meetings;

/// <summary>The portal's own public address (section "Portal"), for links in e-mails: {BaseUrl}/sammantraden/{id}.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The address users reach the portal at, without a trailing slash, e.g. https://namndportal.exempelby.se.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// This process's name among several instances on one database (issue 14): logged with every line, answered on
    /// /health/* as <c>X-Portal-Instance</c>, and the job server's name. Empty: the host name and the first URL's port.
    /// </summary>
    public string InstanceName { get; set; } = string.Empty;

    public string Link(string path) => BaseUrl.TrimEnd('/') + path;

    /// <summary>The instance name to use: the configured one, or "host:port" from the first URL the process listens on.</summary>
    public static string ResolveInstanceName(string? configured, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = first is not null && Uri.TryCreate(first.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Environment.MachineName}:{port}";
    }
}
