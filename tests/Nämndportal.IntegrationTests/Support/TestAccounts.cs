using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>Logins for a scenario: an account row (no password) and the <see cref="TestUser"/> that acts as it.</summary>
public static class TestAccounts
{
    public static TestUser Add(Infrastructure.Persistence.AppDbContext db, string email, string name, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = email, Email = email, NormalizedUserName = email.ToUpperInvariant(),
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), DisplayName = name,
        };
        db.Users.Add(user);
        return new TestUser(user.Id, email, role);
    }
}
