using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Domain.Tests.Meetings;

public class CalendarFeedTests
{
    [Fact]
    public void A_new_feed_keeps_only_the_hash_of_a_long_random_token_that_fits_in_an_address()
    {
        var owner = Guid.NewGuid();
        var (feed, token) = CalendarFeed.Create(owner, null);
        var (_, other) = CalendarFeed.Create(owner, null);

        token.Length.ShouldBe(43);
        token.ShouldMatch("^[A-Za-z0-9_-]+$");
        other.ShouldNotBe(token);
        feed.TokenHash.ShouldBe(CalendarFeed.HashToken(token));
        feed.TokenHash.ShouldNotContain(token);
        feed.TokenHash.ShouldMatch("^[0-9a-f]{64}$");
        feed.Scope.ShouldBe(CalendarFeedScope.MyMeetings);
        CalendarFeed.Create(owner, Guid.NewGuid()).Feed.Scope.ShouldBe(CalendarFeedScope.Organ);
    }

    [Fact]
    public void A_feed_is_revoked_once()
    {
        var (feed, _) = CalendarFeed.Create(Guid.NewGuid(), null);
        var at = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.FromHours(1));

        feed.Revoke(at);

        feed.IsRevoked.ShouldBeTrue();
        feed.RevokedAt.ShouldBe(at.ToUniversalTime());
        Should.Throw<DomainException>(() => feed.Revoke(at.AddMinutes(1))).Message.ShouldBe("Kalenderprenumerationen är redan återkallad.");
    }
}
