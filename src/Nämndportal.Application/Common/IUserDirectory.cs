namespace Nämndportal.Application.Common;

/// <summary>The login accounts, as far as use cases need them (they live in Identity, in Infrastructure).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>The display name and e-mail address of one login (to prefill a tjänsteskrivelse); null when there is none.</summary>
    Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Logins of employees (any role but Ledamot and Ersättare alone), by display name.</summary>
    Task<IReadOnlyList<Organisation.Lookup>> StaffAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a login with one role and an initial password; returns the user id, or Swedish reasons.</summary>
    Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// The display names of the logins with these user names (any case), for lines that recorded who by user name (the
    /// case timeline). A login without a display name is left out: the caller shows no e-mail address in its place.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default);
}

public sealed record UserContact(string Name, string? Email);
