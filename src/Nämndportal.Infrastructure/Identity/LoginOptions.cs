namespace Nämndportal.Infrastructure.Identity;

public sealed class LoginOptions
{
    public const string SectionName = "Security:Login";

    /// <summary>Failed attempts before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int RequiredPasswordLength { get; set; } = 12;
}
