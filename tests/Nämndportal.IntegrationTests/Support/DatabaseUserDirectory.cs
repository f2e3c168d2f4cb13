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
}
