namespace Nämndportal.Application.Mail;

/// <summary>One e-mail to one recipient.</summary>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject line (any Unicode; encoded as RFC 2047).</param>
/// <param name="TextBody">The plain-text body; always sent.</param>
/// <param name="HtmlBody">An optional HTML alternative of the same text.</param>
/// <param name="MessageId">
/// The Message-Id without angle brackets, also the idempotency key of this mail: a retry of the same mail (the same
/// kallelse version to the same person) uses the same id, so it can be recognised. An id without "@" gets the sender's
/// domain appended. It must hold no personal data: it is logged.
/// </param>
public sealed record MailMessage(MailAddress To, string Subject, string TextBody, string? HtmlBody, string MessageId)
{
    /// <summary>Files sent with the mail (a protokollsutdrag's PDF).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to a mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An e-mail address and the name shown with it.</summary>
public sealed record MailAddress(string Address, string? DisplayName = null);
