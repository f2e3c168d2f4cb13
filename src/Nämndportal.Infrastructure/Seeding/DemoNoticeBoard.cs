using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The demo anslagstavla: Kommunfullmäktige (added with the rest of the organisation, see <see cref="DemoDataSeeder"/>)
/// and, on every start, the kallelse of its next meeting on the board, so a newcomer sees a notice on /anslagstavla.
/// </summary>
/// <remarks>
/// <see cref="PostNextFullmaktigeKallelseAsync"/> posts directly through the domain. When the real sending of a kallelse
/// publishes through PublishPosting, this method is the one to replace (send the demo kallelse instead).
/// </remarks>
internal static class DemoNoticeBoard
{
    public const string FullmaktigeShortName = "KF";

    public const string FullmaktigePlace = "Sessionssalen, Stadshuset";

    /// <summary>31 seats, as a municipality of Exempelby's size has (KL 5:5); fewer ersättare than seats, as is usual.</summary>
    public static IReadOnlyList<PartySeats> FullmaktigeSeats { get; } =
        [new("S", 10, 5), new("M", 8, 4), new("SD", 5, 3), new("C", 3, 2), new("V", 2, 1), new("KD", 2, 1), new("EBP", 1, 1)];

    /// <summary>The public titles of the demo meeting's agenda.</summary>
    public static IReadOnlyList<string> FullmaktigeAgenda { get; } =
    [
        "Val av justerare och tid för justering",
        "Anmälan av extra ärenden",
        "Allmänhetens frågestund",
        "Budget 2027 och verksamhetsplan 2027–2029",
        "Taxor och avgifter inom äldreomsorgen 2027",
        "Svar på motion om trygghetsboende i Norrby",
        "Fyllnadsval av ersättare i omsorgsnämnden",
        "Anmälan av motioner och interpellationer",
    ];

    /// <summary>Kommunfullmäktige of Exempelby: its meetings are public and announced at least seven days ahead.</summary>
    public static Organ NewFullmaktige()
    {
        var kf = new Organ("Kommunfullmäktige", FullmaktigeShortName, OrganKind.Fullmaktige, "KF") { DefaultMeetingPlace = FullmaktigePlace };
        kf.Update(kf.Name, kf.ShortName, kf.Kind, kf.CaseNumberPrefix, null, null, kf.DefaultMeetingPlace,
            new OrganRules(Posting.FullmaktigeNoticeDays, 14, 2, publicMeetingsAllowed: true, membersNeedSecondFactor: false, numberOfSeats: 31));
        kf.SetCaseNumberPattern("{prefix} {year}/{number}");
        return kf;
    }

    /// <summary>
    /// Fullmäktige's next meeting (added about three weeks ahead, 18.30, when none is planned) with its kallelse on the
    /// board. Idempotent: a meeting that already has a kallelse up gets no second one. Returns whether anything was added.
    /// </summary>
    public static async Task<bool> PostNextFullmaktigeKallelseAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kf = await db.Organs.SingleOrDefaultAsync(o => o.Kind == OrganKind.Fullmaktige && o.ShortName == FullmaktigeShortName, cancellationToken);
        if (kf is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var today = SwedishTime.LocalDate(now);
        var meeting = await db.Meetings
            .Where(m => m.OrganId == kf.Id && m.StartsAt > now && m.Status != MeetingStatus.Installt)
            .OrderBy(m => m.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        var added = false;
        if (meeting is null)
        {
            var day = today.AddDays(21);
            meeting = new Meeting(kf.Id, SwedishTime.FromLocal(day, new TimeOnly(18, 30)), SwedishTime.FromLocal(day, new TimeOnly(21, 0)), FullmaktigePlace);
            db.Meetings.Add(meeting);
            added = true;
        }

        if (!await db.Postings.AnyAsync(p => p.MeetingId == meeting.Id && p.ReplacedAt == null && p.TakenDownAt == null, cancellationToken))
        {
            // A meeting planned by hand less than seven days ahead is announced late, with the reason recorded (rule 3).
            var late = meeting.LocalDate.DayNumber - today.DayNumber < Posting.FullmaktigeNoticeDays ? "Demodata: sammanträdet planerades med kort varsel." : null;
            db.Postings.Add(Posting.ForKallelse(kf, meeting, FullmaktigeAgenda, null, today, now, AuditFieldsInterceptor.SystemUser, late));
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }
}
