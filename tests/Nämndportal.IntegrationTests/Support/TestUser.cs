using Nämndportal.Application.Common;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>A stand-in for the signed-in user when a handler is called directly.</summary>
public sealed class TestUser(Guid? userId, string? userName, params string[] roles) : ICurrentUser
{
    public static TestUser Anonymous { get; } = new(null, null);

    public Guid? UserId { get; } = userId;

    public string? UserName { get; } = userName;

    public string? RemoteAddress { get; init; } = "127.0.0.1";

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => roles.Contains(role);
}
