using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

public sealed record ListMyMeetings(DateTimeOffset From);

public sealed record MeetingSummary(Guid Id, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status);

/// <summary>
/// The start page's list: meetings from a date on whose handlingar the user may read. For a ledamot or ersättare
/// that is judged on the meeting's own date (in Stockholm), so a member who left in June sees no autumn meetings.
/// </summary>
public sealed class ListMyMeetingsHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<IReadOnlyList<MeetingSummary>> HandleAsync(ListMyMeetings request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (from m in db.Meetings.AsNoTracking()
                          join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                          where m.StartsAt >= request.From
                          orderby m.StartsAt
                          select new { Meeting = m, OrganName = o.Name })
            .ToListAsync(cancellationToken);

        var grants = await access.SnapshotAsync(cancellationToken);
        return rows
            .Where(row => grants.Can(Operation.ReadHandlingar, row.Meeting.OrganId, row.Meeting.LocalDate))
            .Select(row => new MeetingSummary(row.Meeting.Id, row.OrganName, row.Meeting.StartsAt, row.Meeting.EndsAt, row.Meeting.Place, row.Meeting.Status))
            .ToList();
    }
}
