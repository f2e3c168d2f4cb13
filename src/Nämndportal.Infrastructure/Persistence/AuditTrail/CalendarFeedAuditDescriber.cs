using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Kalenderprenumerationer: made and revoked. The line names the owner and what the feed holds, never the token or
/// its hash (the address is a key to the owner's meeting times).
/// </summary>
internal sealed class CalendarFeedAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup)
    {
        if (entry.Entity is not CalendarFeed feed)
        {
            return null;
        }

        var what = $"Kalenderprenumeration på {(feed.OrganId is { } organId ? lookup.OrganShortName(organId) : "Mina sammanträden")} för {lookup.UserName(feed.OwnerUserId)}";
        return entry.State switch
        {
            EntityState.Modified when entry.Property(nameof(CalendarFeed.RevokedAt)).IsModified && feed.IsRevoked =>
                new AuditLine(AuditActions.Changed, nameof(CalendarFeed), feed.Id, null, $"{what}: återkallad"),
            _ => AuditDescription.Line(entry, nameof(CalendarFeed), feed.Id, null, what),
        };
    }
}
