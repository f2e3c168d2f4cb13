using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

public sealed record ListMeetingPlan(Guid? OrganId, int Year);

public sealed record PlanOrgan(Guid Id, string Name, string? DefaultMeetingPlace, bool CanPlan);

public sealed record PlannedMeeting(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status, int ItemCount,
    int NoticeVersionNumber, DateOnly NoticeDeadline, string? CancellationReason, uint Version);

/// <summary>The organs the user may plan or see meetings of, and the chosen organ's meetings in one calendar year.</summary>
public sealed record MeetingPlan(IReadOnlyList<PlanOrgan> Organs, PlanOrgan? Organ, int Year, IReadOnlyList<PlannedMeeting> Meetings);

/// <summary>
/// Sammanträdesplanen: an organ's meetings in a year. The organ's secretary (and an administrator) plans; a member or
/// official of the organ sees the plan of the meetings they may attend.
/// </summary>
public sealed class ListMeetingPlanHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<MeetingPlan> HandleAsync(ListMeetingPlan request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var yearStart = SwedishTime.FromLocal(new DateOnly(request.Year, 1, 1), TimeOnly.MinValue);
        var yearEnd = SwedishTime.FromLocal(new DateOnly(request.Year + 1, 1, 1), TimeOnly.MinValue);
        var lastDay = new DateOnly(request.Year, 12, 31);
        var organs = (await db.Organs.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken))
            .Where(o => o.EndedOn is null || o.EndedOn >= new DateOnly(request.Year, 1, 1))
            .Select(o => (Organ: o, CanPlan: grants.Can(Operation.ManageOrgan, o.Id)))
            .Where(o => o.CanPlan || grants.Can(Operation.ViewRoster, o.Organ.Id) || grants.IsMemberDuring(o.Organ.Id, new DateOnly(request.Year, 1, 1), lastDay))
            .ToList();
        var choices = organs.Select(o => new PlanOrgan(o.Organ.Id, o.Organ.Name, o.Organ.DefaultMeetingPlace, o.CanPlan)).ToList();
        var chosen = choices.FirstOrDefault(o => o.Id == request.OrganId) ?? choices.FirstOrDefault(o => o.CanPlan) ?? choices.FirstOrDefault();
        if (chosen is null)
        {
            return new MeetingPlan(choices, null, request.Year, []);
        }

        var rules = organs.Single(o => o.Organ.Id == chosen.Id).Organ.Rules;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganId == chosen.Id && m.StartsAt >= yearStart && m.StartsAt < yearEnd)
            .OrderBy(m => m.StartsAt)
            .Select(m => new { Meeting = m, Items = db.AgendaItems.Count(i => i.MeetingId == m.Id) })
            .ToListAsync(cancellationToken);

        // A member sees the meetings held while their membership is valid; the planner sees all.
        var visible = meetings
            .Where(m => chosen.CanPlan || grants.Can(Operation.ReadHandlingar, chosen.Id, m.Meeting.LocalDate))
            .Select(m => new PlannedMeeting(
                m.Meeting.Id, m.Meeting.StartsAt, m.Meeting.EndsAt, m.Meeting.Place, m.Meeting.Status, m.Items,
                m.Meeting.NoticeVersionNumber, m.Meeting.NoticeDeadline(rules), m.Meeting.CancellationReason, m.Meeting.Version))
            .ToList();
        return new MeetingPlan(choices, chosen, request.Year, visible);
    }
}
