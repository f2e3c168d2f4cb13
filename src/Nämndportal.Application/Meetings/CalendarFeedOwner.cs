using Nämndportal.Application.Common;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// A feed's owner as the one asking <see cref="AccessService"/>: the calendar app that reads the feed is anonymous,
/// and the feed shows only what its owner may see now.
/// </summary>
internal sealed class CalendarFeedOwner(Guid userId, AccountRoles account) : ICurrentUser
{
    public Guid? UserId => userId;

    public string? UserName => account.UserName;

    public bool IsAuthenticated => true;

    public string? RemoteAddress => null;

    public bool IsInRole(string role) => account.Roles.Contains(role);
}
