using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Application.Reader;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Meetings;

public sealed record ListMyMeetings(DateTimeOffset From);

/// <param name="UnreadCount">For a ledamot or ersättare of the organ on the meeting's date: the agenda's handlingar they have not read; null for others.</param>
/// <param name="ChangedCount">Likewise, the handlingar with a newer version than the one they read.</param>
public sealed record MeetingSummary(
    Guid Id, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status,
    int? UnreadCount = null, int? ChangedCount = null);

/// <summary>
/// The start page's list: meetings from a date on whose handlingar the user may read. For a ledamot or ersättare
/// that is judged on the meeting's own date (in Stockholm), so a member who left in June sees no autumn meetings. A
/// member also gets the counts of unread and changed handlingar per meeting (secret ones only where they may read them).
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
        var visible = rows.Where(row => grants.Can(Operation.ReadHandlingar, row.Meeting.OrganId, row.Meeting.LocalDate)).ToList();
        var counts = await ReadCountsAsync(db, grants, visible.Select(r => r.Meeting).ToList(), cancellationToken);
        return visible
            .Select(row => new MeetingSummary(
                row.Meeting.Id, row.OrganName, row.Meeting.StartsAt, row.Meeting.EndsAt, row.Meeting.Place, row.Meeting.Status,
                counts.TryGetValue(row.Meeting.Id, out var c) ? c.Unread : null,
                counts.TryGetValue(row.Meeting.Id, out c) ? c.Changed : null))
            .ToList();
    }

    private static async Task<Dictionary<Guid, (int Unread, int Changed)>> ReadCountsAsync(
        IAppDbContext db, AccessSnapshot grants, IReadOnlyList<Meeting> meetings, CancellationToken cancellationToken)
    {
        var memberOf = meetings.Where(m => grants.IsMemberDuring(m.OrganId, m.LocalDate, m.LocalDate)).Select(m => m.Id).ToList();
        if (memberOf.Count == 0 || grants.UserId is not { } me)
        {
            return [];
        }

        var withAgendas = await db.Meetings.AsNoTracking().Include("_items._documents").Where(m => memberOf.Contains(m.Id)).ToListAsync(cancellationToken);
        var documents = await db.ReadableAgendaDocumentsAsync(grants, withAgendas, cancellationToken);
        var states = await db.ReadStatesAsync(me, documents.Select(d => d.DocumentId).ToList(), cancellationToken);
        return withAgendas.ToDictionary(
            m => m.Id,
            m =>
            {
                var own = documents.Where(d => d.MeetingId == m.Id && states.ContainsKey(d.DocumentId)).Select(d => d.DocumentId).Distinct().ToList();
                return (own.Count(d => states[d].State == DocumentReadState.Unread), own.Count(d => states[d].State == DocumentReadState.ChangedSinceRead));
            });
    }
}
