using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Nämndportal.Application.Mail;

namespace Nämndportal.Infrastructure.Mail;

/// <summary>
/// <see cref="IMailer"/> over SMTP with MailKit: one connection per mail, so a long send job never holds a connection
/// a server has timed out. Only the Message-Id is logged: never the recipient, the subject or the body.
/// </summary>
public sealed partial class MailKitMailer(IOptions<MailOptions> options, ILogger<MailKitMailer> logger) : IMailer
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mime = ToMime(message, settings);
        var messageId = mime.MessageId ?? string.Empty;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, ToSocketOptions(settings.UseTls), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // The server's text may quote the address, so only the codes go on. 5xx refusals are final.
            var permanent = (int)e.StatusCode >= 500;
            LogRefused(logger, messageId, (int)e.StatusCode, e.ErrorCode.ToString());
            throw new MailDeliveryException(
                $"SMTP-servern tog inte emot brevet ({(int)e.StatusCode}, {e.ErrorCode}).", permanent);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or SslHandshakeException
                                      or AuthenticationException or ServiceNotConnectedException or TimeoutException
                                      or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, messageId, e.GetType().Name);
            throw new MailDeliveryException(
                $"SMTP-servern {settings.Host}:{settings.Port} gick inte att nå eller svarade inte ({e.GetType().Name}).", isPermanent: false, e);
        }

        LogSent(logger, messageId);
    }

    internal static MimeMessage ToMime(MailMessage message, MailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.To.DisplayName ?? string.Empty, message.To.Address));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId.Contains('@', StringComparison.Ordinal)
            ? message.MessageId
            : $"{message.MessageId}@{Domain(settings.FromAddress)}";
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "naemndportal.local";
    }

    private static SecureSocketOptions ToSocketOptions(MailTlsMode mode) => mode switch
    {
        MailTlsMode.None => SecureSocketOptions.None,
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        MailTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} handed to the SMTP server")]
    private static partial void LogSent(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} refused by the SMTP server: {StatusCode} {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, string messageId, int statusCode, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} not sent: the SMTP server could not be reached ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string messageId, string error);
}
