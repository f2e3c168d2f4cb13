namespace Nämndportal.Application.Pdf;

public enum PdfCondition
{
    Readable,

    /// <summary>It cannot be parsed, or has no pages.</summary>
    Corrupt,

    /// <summary>It needs a password to open.</summary>
    PasswordProtected,

    /// <summary>It opens without a password but is encrypted (an owner password restricting printing, copying …).</summary>
    Encrypted,
}
