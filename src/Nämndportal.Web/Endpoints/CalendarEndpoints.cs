using CultureInfo = System.Globalization.CultureInfo;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Nämndportal.Application.Meetings;
using Nämndportal.Domain.Common;

namespace Nämndportal.Web.Endpoints;

/// <summary>
/// /kalender/{token}.ics: a kalenderprenumeration, read by calendar apps without a login. The token is the key, so it
/// never reaches the request log, and an unknown and a revoked token get the same 404. The calendar tells times,
/// places and organ names only, never anything of the agenda.
/// </summary>
public static class CalendarEndpoints
{
    public const string TimeZoneId = "Europe/Stockholm";

    /// <summary>A meeting without a planned end is shown as this long.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(3);

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/kalender/{token}.ics", async (string token, GetCalendarFeedHandler handler, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        {
            // The request log writes the path when the response is done: without the token, which is a secret.
            context.Request.Path = "/kalender/(token).ics";
            context.Response.Headers.CacheControl = "private, no-cache";
            context.Response.Headers["X-Robots-Tag"] = "noindex";
            var feed = await handler.HandleAsync(new GetCalendarFeed(token), cancellationToken);
            if (feed is null)
            {
                return Results.NotFound();
            }

            var portal = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
            return Results.Text(ToICalendar(feed, portal, clock.GetUtcNow()), "text/calendar; charset=utf-8");
        }).AllowAnonymous().RequireRateLimiting(CalendarFeedRateLimit.PolicyName);
        return endpoints;
    }

    public static string ToICalendar(CalendarFeedContent feed, Uri portal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(portal);
        var calendar = new Calendar { ProductId = "-//Nämndportal//Kalenderprenumeration//SV", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", feed.Name == ListCalendarFeedsHandler.MyMeetingsName ? feed.Name : $"{feed.Name}: sammanträden");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(TimeZoneId);
        foreach (var meeting in feed.Events)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{meeting.MeetingId}@naemndportal",
                DtStamp = Utc(now),
                LastModified = Utc(meeting.LastModified),
                DtStart = Local(meeting.StartsAt),
                DtEnd = Local(meeting.EndsAt ?? meeting.StartsAt + DefaultLength),
                Summary = $"{meeting.OrganName} sammanträder",
                Location = meeting.Place,
                Url = new Uri(portal, $"sammantraden/{meeting.MeetingId}"),
                Sequence = meeting.Sequence,
                Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (meeting.Cancelled)
            {
                calendarEvent.Description = "Sammanträdet är inställt.";
            }

            calendar.Events.Add(calendarEvent);
        }

        // Ical.Net formats numbers with the current culture, and Swedish writes a negative number with U+2212 ("−1SU"),
        // which no calendar app reads: iCalendar text is always written invariantly.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static CalDateTime Local(DateTimeOffset instant) => new(SwedishTime.ToLocal(instant).DateTime, TimeZoneId, hasTime: true);

    private static CalDateTime Utc(DateTimeOffset instant) => new(DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Utc), "UTC", hasTime: true);
}
