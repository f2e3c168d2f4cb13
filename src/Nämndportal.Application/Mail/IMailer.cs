namespace Nämndportal.Application.Mail;

/// <summary>
/// Sends one e-mail. The adapter talks SMTP (MailKit); development reads what was sent in smtp4dev, and the tests in
/// a real SMTP server on loopback. A failure throws <see cref="MailDeliveryException"/>, so a background job can
/// record it and be retried.
/// </summary>
public interface IMailer
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}
