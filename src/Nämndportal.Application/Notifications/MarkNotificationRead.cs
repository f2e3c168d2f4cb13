using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Notifications;

/// <summary>The user opened a notis: it leaves the unread list. Only one's own; any other id gives NotFound.</summary>
public sealed record MarkNotificationRead(Guid NotificationId);

public sealed class MarkNotificationReadHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(MarkNotificationRead request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == request.NotificationId && n.UserId == user.UserId, cancellationToken);
        if (notification is null)
        {
            return Error.NotFound("Notisen");
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Ok(notification.Link);
    }
}
