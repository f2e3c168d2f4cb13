using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Meetings;

/// <summary>Revokes one of the signed-in user's feeds: its address answers 404 from now on.</summary>
public sealed record RevokeCalendarFeed(Guid FeedId);

public sealed class RevokeCalendarFeedHandler(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(RevokeCalendarFeed request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Only the owner's own: another user's feed is "not found", as one that does not exist.
        var feed = user.UserId is { } me
            ? await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == request.FeedId && f.OwnerUserId == me && f.RevokedAt == null, cancellationToken)
            : null;
        if (feed is null)
        {
            return Error.NotFound("Kalenderprenumerationen");
        }

        feed.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(feed.Id);
    }
}
