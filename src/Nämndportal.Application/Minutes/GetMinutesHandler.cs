using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Minutes;

/// <summary>One § as the page shows it: the § and who serves, is present and replaces whom there, after rules 6 and 7.</summary>
public sealed record SectionView(MinutesSection Section, IReadOnlySet<Guid> Serving, IReadOnlySet<Guid> Present, IReadOnlyDictionary<Guid, Guid> ServesFor, bool QuorumMet);

/// <summary>Rule 5's suggestion for an absent ledamot: the ersättare to call in, or none left.</summary>
public sealed record SubstituteSuggestion(Guid AbsentId, string AbsentName, Guid? SubstituteId, string? SubstituteName);

/// <summary>The protokoll for its page: everything in it, worked out per §, and what the viewer may do.</summary>
public sealed record MinutesView(
    MeetingMinutes Minutes,
    IReadOnlyList<SectionView> Sections,
    ApprovalDeadlineStatus DeadlineStatus,
    int DaysLeft,
    IReadOnlyList<string> Problems,
    IReadOnlyList<SubstituteSuggestion> Suggestions,
    bool CanWrite,
    Guid? MyPersonId)
{
    public string NameOf(Guid personId) => Minutes.Attendees.FirstOrDefault(a => a.PersonId == personId)?.DisplayName ?? "(okänd)";

    /// <summary>Whether the viewer signs this protokoll (chair or justerare) and has not yet.</summary>
    public bool AwaitsMyApproval => MyPersonId is { } me
        && Minutes.Status == MinutesStatus.ForApproval
        && Minutes.Signers.Any(s => s.PersonId == me)
        && Minutes.MinutesApprovals.All(a => a.PersonId != me);
}

public sealed class GetMinutesHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<MinutesView>> HandleAsync(Guid minutesId, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(minutesId, track: false, cancellationToken);
        if (minutes is null || !grants.CanView(minutes))
        {
            return Error.NotFound("Protokollet");
        }

        var canWrite = grants.CanWrite(minutes);
        Guid? me = user.UserId is { } userId
            ? await db.Persons.AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var sections = minutes.Sections
            .Select(s => new SectionView(s, minutes.ServingIn(s.Number), minutes.PresentIn(s.Number), minutes.ServesForIn(s.Number), s.QuorumMet))
            .ToList();
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var suggestions = canWrite && minutes.Status == MinutesStatus.Draft
            ? await SuggestAsync(db, minutes, cancellationToken)
            : [];
        return Result<MinutesView>.Ok(new MinutesView(
            minutes, sections, minutes.Deadline.StatusOn(today), minutes.Deadline.DaysLeftOn(today), minutes.ProblemsBeforeApproval(), suggestions, canWrite, me));
    }

    /// <summary>Rule 5 over the roll call at the opening: for each absent ledamot nobody serves for, the ersättare to call in.</summary>
    private static async Task<IReadOnlyList<SubstituteSuggestion>> SuggestAsync(IAppDbContext db, MeetingMinutes minutes, CancellationToken ct)
    {
        var absentIds = minutes.Attendees
            .Where(a => a.Kind == AttendeeKind.Member && !a.Present && minutes.Attendees.All(s => s.ServesFor != a.PersonId))
            .Select(a => a.PersonId)
            .ToList();
        if (absentIds.Count == 0)
        {
            return [];
        }

        var freeIds = minutes.Attendees.Where(a => a.Kind == AttendeeKind.Substitute && a.Present && a.ServesFor is null).Select(a => a.PersonId).ToList();
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganId == minutes.OrganId && m.ValidFrom <= minutes.MeetingDate && (m.ValidTo == null || m.ValidTo >= minutes.MeetingDate))
            .ToListAsync(ct);
        var table = await db.SubstitutionRules.AsNoTracking().Where(r => r.OrganId == minutes.OrganId).ToListAsync(ct);
        var absent = absentIds.Select(id => memberships.FirstOrDefault(m => m.PersonId == id && m.Role.HoldsSeat())).OfType<Membership>().ToList();
        var free = freeIds.Select(id => memberships.FirstOrDefault(m => m.PersonId == id && m.Role == MembershipRole.Ersattare)).OfType<Membership>().ToList();
        return SubstituteCaller.Call(absent, free, table)
            .Select(c => new SubstituteSuggestion(
                c.Absent.PersonId,
                minutes.Attendee(c.Absent.PersonId).DisplayName,
                c.Substitute?.PersonId,
                c.Substitute is null ? null : minutes.Attendee(c.Substitute.PersonId).DisplayName))
            .ToList();
    }
}
