namespace Nämndportal.Application.Mail;

/// <summary>
/// A mail could not be handed to the SMTP server. <see cref="IsPermanent"/> is true when the server refused it for good
/// (the address does not exist, say): retrying the same mail will not help. Otherwise (the server is down, a timeout, a
/// temporary refusal) a retry may succeed. The message never holds the recipient's address or the mail's content.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public MailDeliveryException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public bool IsPermanent { get; }
}
