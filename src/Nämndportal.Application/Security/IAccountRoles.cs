namespace Nämndportal.Application.Security;

/// <summary>
/// The roles of a login account, for answering "may this person see this?" when they are not the one asking: a
/// calendar app reading a feed asks on its owner's behalf.
/// </summary>
public interface IAccountRoles
{
    /// <summary>The account's user name and roles; null when the account does not exist or is locked out.</summary>
    Task<AccountRoles?> ActiveAsync(Guid userId, CancellationToken cancellationToken = default);
}

public sealed record AccountRoles(string UserName, IReadOnlySet<string> Roles);
