using System.Security.Cryptography;
using System.Text;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// A kalenderprenumeration: a secret address (…/kalender/{token}.ics) a calendar app subscribes to without logging in.
/// Only the token's SHA-256 is stored: the raw token is shown to its owner once, when the feed is made, and a copy of
/// the database gives no working address. The feed answers for its owner, evaluated at each read: the meetings of one
/// organ (<see cref="OrganId"/>) while the owner may still see that organ, or the owner's own meetings.
/// </summary>
public sealed class CalendarFeed : Entity
{
    /// <summary>Random bytes of a token: 256 bits, so guessing one is hopeless and a fast hash is enough.</summary>
    private const int TokenBytes = 32;

    private CalendarFeed()
    {
        TokenHash = string.Empty;
    }

    private CalendarFeed(Guid ownerUserId, Guid? organId, string tokenHash)
    {
        OwnerUserId = ownerUserId;
        OrganId = organId;
        TokenHash = tokenHash;
    }

    public Guid OwnerUserId { get; private set; }

    /// <summary>The organ whose meetings the feed holds; null for the owner's own meetings (every organ they may read on each meeting's date).</summary>
    public Guid? OrganId { get; private set; }

    public CalendarFeedScope Scope => OrganId is null ? CalendarFeedScope.MyMeetings : CalendarFeedScope.Organ;

    /// <summary>The lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new feed and its raw token, which is not kept: show it to the owner now.</summary>
    public static (CalendarFeed Feed, string Token) Create(Guid ownerUserId, Guid? organId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new CalendarFeed(ownerUserId, organId, HashToken(token)), token);
    }

    public static string HashToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("Kalenderprenumerationen är redan återkallad.");
        }

        RevokedAt = at.ToUniversalTime();
    }
}
