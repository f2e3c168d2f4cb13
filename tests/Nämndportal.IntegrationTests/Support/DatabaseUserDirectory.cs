using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>Display names read straight from the test database's users table (logins are not created here).</summary>
public sealed class DatabaseUserDirectory(DatabaseFixture database) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? u.Id.ToString() : u.DisplayName, cancellationToken);
    }

    public async Task<UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new UserContact(string.IsNullOrEmpty(u.DisplayName) ? u.Email ?? string.Empty : u.DisplayName, u.Email))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Lookup>> StaffAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Lookup>>([]);

    public Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default)
    {
        var normalized = userNames.ToDictionary(n => n, n => n.ToUpperInvariant(), StringComparer.Ordinal);
        var wanted = normalized.Values.Distinct().ToList();
        await using var db = database.CreateContext();
        var names = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName != null && wanted.Contains(u.NormalizedUserName) && u.DisplayName != "")
            .ToDictionaryAsync(u => u.NormalizedUserName!, u => u.DisplayName, cancellationToken);
        return normalized.Where(n => names.ContainsKey(n.Value)).ToDictionary(n => n.Key, n => names[n.Value], StringComparer.Ordinal);
    }
}
