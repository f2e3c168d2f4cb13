using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// The demo municipality's Kommunfullmäktige (added with the rest of the organisation, see <see cref="DemoDataSeeder"/>):
/// its seats and the agenda of its next meeting, whose kallelse <see cref="DemoMeetingContent.SendNextFullmaktigeKallelseAsync"/>
/// sends through the portal's own sending, so the kallelse and its public pack go up on /anslagstavla.
/// </summary>
public static class DemoNoticeBoard
{
    public const string FullmaktigeShortName = "KF";

    public const string FullmaktigePlace = "Sessionssalen, Stadshuset";

    /// <summary>31 seats, as a municipality of Exempelby's size has (KL 5:5); fewer ersättare than seats, as is usual.</summary>
    internal static IReadOnlyList<PartySeats> FullmaktigeSeats { get; } =
        [new("S", 10, 5), new("M", 8, 4), new("SD", 5, 3), new("C", 3, 2), new("V", 2, 1), new("KD", 2, 1), new("EBP", 1, 1)];

    /// <summary>Fullmäktige's standard items: opened with the justerare and extra items, closed with new motions.</summary>
    public static IReadOnlyList<string> FullmaktigeStandardItems { get; } =
        ["Val av justerare och tid för justering", "Anmälan av extra ärenden", "Anmälan av motioner och interpellationer"];

    /// <summary>
    /// The items of the demo meeting between the opening and the closing standard items. Fullmäktige's matters are
    /// prepared by kommunstyrelsen, whose cases the demo does not carry to fullmäktige, so its items here are
    /// information, question time and an election.
    /// </summary>
    public static IReadOnlyList<(AgendaItemKind Kind, string Title, string? Presenter)> FullmaktigeItems { get; } =
    [
        (AgendaItemKind.Information, "Allmänhetens frågestund", "Fullmäktiges ordförande"),
        (AgendaItemKind.Information, "Information om budget 2027 och verksamhetsplan 2027–2029", "Kommunstyrelsens ordförande"),
        (AgendaItemKind.Information, "Information från revisorerna om granskningen av hemtjänstens bemanning", "Revisorernas ordförande"),
        (AgendaItemKind.Election, "Fyllnadsval av ersättare i omsorgsnämnden", null),
    ];

    /// <summary>Kommunfullmäktige of Exempelby: its meetings are public and announced at least seven days ahead.</summary>
    public static Organ NewFullmaktige()
    {
        var kf = new Organ("Kommunfullmäktige", FullmaktigeShortName, OrganKind.Fullmaktige, "KF") { DefaultMeetingPlace = FullmaktigePlace };
        kf.Update(kf.Name, kf.ShortName, kf.Kind, kf.CaseNumberPrefix, null, null, kf.DefaultMeetingPlace,
            new OrganRules(Posting.FullmaktigeNoticeDays, 14, 2, publicMeetingsAllowed: true, membersNeedSecondFactor: false, numberOfSeats: 31));
        kf.SetCaseNumberPattern("{prefix} {year}/{number}");
        kf.SetStandardAgendaItems(FullmaktigeStandardItems);
        return kf;
    }

    /// <summary>Fullmäktige's next meeting, about three weeks after <paramref name="today"/>, 18.30–21.00, with its standard items.</summary>
    public static Meeting NewFullmaktigeMeeting(Organ kf, DateOnly today)
    {
        var day = today.AddDays(21);
        var meeting = new Meeting(kf.Id, SwedishTime.FromLocal(day, new TimeOnly(18, 30)), SwedishTime.FromLocal(day, new TimeOnly(21, 0)), FullmaktigePlace);
        foreach (var title in kf.StandardAgendaItems)
        {
            meeting.AddItem(AgendaItemKind.Standard, title);
        }

        return meeting;
    }
}
