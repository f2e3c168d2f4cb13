using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

public sealed record ListMyMeetings(DateTimeOffset From);

public sealed record MeetingSummary(Guid Id, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status);

/// <summary>
/// The start page's list: meetings from a date on, of the organs the user may see. An administrator sees all;
/// an official sees the organs they are attached to; a ledamot or ersättare sees an organ's meeting when
/// their membership is valid on the meeting's date (in Stockholm).
/// </summary>
public sealed class ListMyMeetingsHandler(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<MeetingSummary>> HandleAsync(ListMyMeetings request, CancellationToken cancellationToken = default)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var isAdministrator = user.IsInRole(Roles.Administrator);

        var officialOrgans = await db.OrganOfficials.AsNoTracking()
            .Where(o => o.UserId == userId)
            .Select(o => o.OrganId)
            .ToListAsync(cancellationToken);
        var memberships = await (from ms in db.Memberships.AsNoTracking()
                                 join p in db.Persons on ms.PersonId equals p.Id
                                 where p.UserId == userId
                                 select ms).ToListAsync(cancellationToken);
        var organIds = officialOrgans.Concat(memberships.Select(m => m.OrganId)).Distinct().ToList();

        var rows = await (from m in db.Meetings.AsNoTracking()
                          join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                          where m.StartsAt >= request.From && (isAdministrator || organIds.Contains(m.OrganId))
                          orderby m.StartsAt
                          select new { Meeting = m, OrganName = o.Name })
            .ToListAsync(cancellationToken);

        return rows
            .Where(r => isAdministrator
                || officialOrgans.Contains(r.Meeting.OrganId)
                || memberships.Any(ms => ms.OrganId == r.Meeting.OrganId && ms.IsValidOn(r.Meeting.LocalDate)))
            .Select(r => new MeetingSummary(r.Meeting.Id, r.OrganName, r.Meeting.StartsAt, r.Meeting.EndsAt, r.Meeting.Place, r.Meeting.Status))
            .ToList();
    }
}
