using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>What a calendar app reads at /kalender/{token}.ics. No login: the token is the key.</summary>
public sealed record GetCalendarFeed(string Token);

/// <summary>A feed's meetings; <see cref="Name"/> is the calendar's name (an organ's name, or "Mina sammanträden").</summary>
public sealed record CalendarFeedContent(string Name, IReadOnlyList<CalendarFeedEvent> Events);

/// <summary>
/// One meeting as a calendar shows it: times, place and organ, nothing of the agenda (closed items' titles must never
/// leave the portal this way). <see cref="Sequence"/> grows with each move or cancellation, so calendars take the change.
/// </summary>
public sealed record CalendarFeedEvent(
    Guid MeetingId, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, bool Cancelled, int Sequence, DateTimeOffset LastModified);

/// <summary>
/// The meetings of a feed, as its owner may see them now: an organ's feed while the owner may read that organ's
/// handlingar; "Mina sammanträden" with every meeting whose handlingar the owner may read on the meeting's date (as the
/// start page's list). An unknown token, a revoked feed, a locked or deleted owner and an organ the owner has left all
/// give null, the same answer, so a caller learns nothing from the difference.
/// </summary>
public sealed class GetCalendarFeedHandler(IAppDbContextFactory dbFactory, IAccountRoles accounts, TimeProvider clock)
{
    /// <summary>How far back a feed reaches: calendars keep what they have, and a year of past meetings is enough to look back on.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(366);

    public async Task<CalendarFeedContent?> HandleAsync(GetCalendarFeed request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Token) || request.Token.Length > 100)
        {
            return null;
        }

        var hash = CalendarFeed.HashToken(request.Token);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null || await accounts.ActiveAsync(feed.OwnerUserId, cancellationToken) is not { } account)
        {
            return null;
        }

        // Access is judged for the owner, never for the anonymous caller.
        var grants = await new AccessService(dbFactory, new CalendarFeedOwner(feed.OwnerUserId, account), clock).SnapshotAsync(cancellationToken);
        if (feed.OrganId is { } only && !grants.Can(Operation.ReadHandlingar, only))
        {
            return null;
        }

        var since = clock.GetUtcNow() - History;
        var rows = await (from m in db.Meetings.AsNoTracking()
                          join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                          where m.StartsAt >= since && (feed.OrganId == null || m.OrganId == feed.OrganId)
                          orderby m.StartsAt
                          select new { Meeting = m, OrganName = o.Name })
            .ToListAsync(cancellationToken);
        var events = rows
            .Where(r => feed.OrganId is not null || grants.Can(Operation.ReadHandlingar, r.Meeting.OrganId, r.Meeting.LocalDate))
            .Select(r => new CalendarFeedEvent(
                r.Meeting.Id, r.OrganName, r.Meeting.StartsAt, r.Meeting.EndsAt, r.Meeting.Place,
                r.Meeting.Status == MeetingStatus.Installt, r.Meeting.ScheduleRevision, r.Meeting.ModifiedAt ?? r.Meeting.CreatedAt))
            .ToList();
        var name = feed.OrganId is null ? ListCalendarFeedsHandler.MyMeetingsName : rows.FirstOrDefault()?.OrganName
            ?? await db.Organs.AsNoTracking().Where(o => o.Id == feed.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new CalendarFeedContent(name, events);
    }
}
