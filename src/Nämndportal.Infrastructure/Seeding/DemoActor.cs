using Nämndportal.Application.Common;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The demo user a seeding step acts as (a case's handläggare, the secretary), signed in as far as the use cases can tell;
/// the seeding itself writes the audit columns as "system".
/// </summary>
internal sealed class DemoActor(Guid userId, string userName, IList<string> roles) : ICurrentUser
{
    public Guid? UserId => userId;

    public string? UserName => userName;

    public bool IsAuthenticated => true;

    public string? RemoteAddress => null;

    public bool IsInRole(string role) => roles.Contains(role);
}

/// <summary>The moment a step of the demo story happened.</summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
