namespace Nämndportal.Domain.Common;

/// <summary>A broken business rule. The message is Swedish and safe to show to the user.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}
