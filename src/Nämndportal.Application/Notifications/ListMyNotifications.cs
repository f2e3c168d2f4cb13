using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Notifications;

/// <summary>The signed-in user's unread notiser, newest first (Mina sammanträden shows them).</summary>
public sealed record ListMyNotifications(int Max = 10);

public sealed record NotificationView(Guid Id, string Text, string Link, DateTimeOffset NotifiedAt);

public sealed class ListMyNotificationsHandler(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<NotificationView>> HandleAsync(ListMyNotifications request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (user.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .OrderByDescending(n => n.NotifiedAt)
            .Take(Math.Clamp(request.Max, 1, 50))
            .Select(n => new NotificationView(n.Id, n.Text, n.Link, n.NotifiedAt))
            .ToListAsync(cancellationToken);
    }
}
