using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Meetings;

public sealed record ListCalendarFeeds;

/// <summary>A feed in its owner's list: what it holds ("Mina sammanträden" or an organ's name) and when it was made. Never the token.</summary>
public sealed record CalendarFeedRow(Guid Id, string Name, DateTimeOffset CreatedAt);

/// <summary>The signed-in user's feeds that are not revoked, and the organs they may make a feed for.</summary>
public sealed record CalendarFeedList(IReadOnlyList<CalendarFeedRow> Feeds, IReadOnlyList<Lookup> Organs);

public sealed class ListCalendarFeedsHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user)
{
    public const string MyMeetingsName = "Mina sammanträden";

    public async Task<CalendarFeedList> HandleAsync(ListCalendarFeeds request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (user.UserId is not { } me)
        {
            return new CalendarFeedList([], []);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feeds = await (from f in db.CalendarFeeds.AsNoTracking()
                           join o in db.Organs.AsNoTracking() on f.OrganId equals (Guid?)o.Id into feedOrgans
                           from o in feedOrgans.DefaultIfEmpty()
                           where f.OwnerUserId == me && f.RevokedAt == null
                           orderby f.CreatedAt
                           select new CalendarFeedRow(f.Id, o == null ? MyMeetingsName : o.Name, f.CreatedAt))
            .ToListAsync(cancellationToken);
        var grants = await access.SnapshotAsync(cancellationToken);
        var organs = (await db.Organs.AsNoTracking().Where(o => o.EndedOn == null).OrderBy(o => o.Name).ToListAsync(cancellationToken))
            .Where(o => grants.Can(Operation.ReadHandlingar, o.Id))
            .Select(o => new Lookup(o.Id, o.Name))
            .ToList();
        return new CalendarFeedList(feeds, organs);
    }
}
