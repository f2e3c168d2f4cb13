namespace Nämndportal.Infrastructure.Mail;

/// <summary>The SMTP server the portal sends through (section "Mail").</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>How the connection is encrypted: StartTls (the default), SslOnConnect (port 465), StartTlsWhenAvailable, or None (only for a server on loopback).</summary>
    public MailTlsMode UseTls { get; set; } = MailTlsMode.StartTls;

    /// <summary>The SMTP login; none when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address (From), e.g. noreply@kommun.se.</summary>
    public string FromAddress { get; set; } = "noreply@example.invalid";

    public string FromName { get; set; } = "Nämndportal";

    /// <summary>How long connecting, and each SMTP command, may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum MailTlsMode
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}
