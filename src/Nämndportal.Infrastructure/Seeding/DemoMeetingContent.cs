using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// Builds the agenda of Omsorgsnämnden's next meeting through the portal's own use cases, as the demo secretary would:
/// the standard items, an information item with presenter and time, four decision items from the demo cases that are
/// "Klart för beslut" (each with its tjänsteskrivelse and beslutsunderlag), one of them closed with a neutral public
/// title and a secret handling. One case ("Uppföljning av internkontrollplan 2026") is left ready for the newcomer to
/// add from the picker. A meeting whose agenda already has a decision item is left alone, so running it again adds nothing.
/// </summary>
public sealed class DemoMeetingContent(IServiceProvider services, IAppDbContextFactory dbFactory, UserManager<ApplicationUser> users, TimeProvider clock)
{
    /// <summary>The demo cases on the agenda, in order, and how each is shown.</summary>
    private static readonly (string Title, string? PublicTitle, bool Closed, string? Presenter)[] Decisions =
    [
        ("Taxor och avgifter inom äldreomsorgen 2027", null, false, "Ekonomichef Petra Påhitt"),
        ("Yttrande över motion om trygghetsboende i Norrby", null, false, null),
        ("Revisionsrapport: granskning av hemtjänstens bemanning", null, false, "Verksamhetschef Eva Exempel"),
        ("Yttrande till förvaltningsrätten i mål om särskilt boende", "Yttrande i mål om bistånd enligt socialtjänstlagen", true, null),
    ];

    private const string Information = "Verksamhetsinformation: vinterberedskapen i hemtjänsten";

    /// <summary>
    /// Social- och utbildningsnämnden's next meeting: three of its four cases "Klart för beslut", none closed. The fourth
    /// ("Kvalitetsrapport för grundskolan 2026") is left for the newcomer to add from the picker, as in Omsorgsnämnden.
    /// </summary>
    private static readonly (string Title, string? PublicTitle, bool Closed, string? Presenter)[] SunDecisions =
    [
        ("Internbudget 2027 för social- och utbildningsnämnden", null, false, "Controller Kim Räknare"),
        ("Läsårstider 2027/2028", null, false, null),
        ("Riktlinjer för skolskjuts", null, false, "Utbildningschef Maria Exempel"),
    ];

    private const string SunInformation = "Verksamhetsinformation: barn- och elevhälsan";

    /// <summary>Returns the meeting whose agenda was built, or null when there was nothing to do.</summary>
    public Task<Guid?> BuildNextOmsorgsnamndenAgendaAsync(CancellationToken cancellationToken = default) =>
        BuildNextAgendaAsync("OMN", Decisions, Information, "Verksamhetschef Eva Exempel", new TimeOnly(13, 15), cancellationToken);

    /// <summary>
    /// The agenda of Social- och utbildningsnämnden's next meeting, where the demo ersättare Erika Ersättare reads
    /// (<see cref="DemoReaderContent"/>); its kallelse is not sent. Returns the meeting, or null when there was nothing to do.
    /// </summary>
    public Task<Guid?> BuildNextSocialOchUtbildningsnamndenAgendaAsync(CancellationToken cancellationToken = default) =>
        BuildNextAgendaAsync("SUN", SunDecisions, SunInformation, "Elevhälsochef Anna Exempel", new TimeOnly(14, 15), cancellationToken);

    private async Task<Guid?> BuildNextAgendaAsync(
        string organ, (string Title, string? PublicTitle, bool Closed, string? Presenter)[] decisions, string informationTitle, string informationPresenter,
        TimeOnly informationTime, CancellationToken cancellationToken)
    {
        Guid meetingId;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var today = SwedishTime.LocalDate(clock.GetUtcNow());
            var after = SwedishTime.FromLocal(today.AddDays(1), TimeOnly.MinValue);
            var next = await (from m in db.Meetings.AsNoTracking()
                              join o in db.Organs on m.OrganId equals o.Id
                              where o.ShortName == organ && m.StartsAt >= after && m.Status == MeetingStatus.Planerat
                              orderby m.StartsAt
                              select m.Id).FirstOrDefaultAsync(cancellationToken);
            if (next == Guid.Empty || await db.AgendaItems.AnyAsync(i => i.MeetingId == next && i.Kind == AgendaItemKind.Decision, cancellationToken))
            {
                return null;
            }

            meetingId = next;
        }

        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Secretary).Email) is not { } secretary)
        {
            return null;
        }

        var actor = new DemoActor(secretary.Id, secretary.UserName!, await users.GetRolesAsync(secretary));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var get = ActivatorUtilities.CreateInstance<GetMeetingHandler>(services, access);
        var add = ActivatorUtilities.CreateInstance<AddAgendaItemHandler>(services, access, actor);
        var update = ActivatorUtilities.CreateInstance<UpdateAgendaItemHandler>(services, access);
        var reorder = ActivatorUtilities.CreateInstance<ReorderAgendaHandler>(services, access);

        var view = Check(await get.HandleAsync(new GetMeeting(meetingId), cancellationToken));
        var version = view.Version;
        var standard = view.Items.ToList();
        foreach (var title in DemoStandardItems.Where(t => standard.All(i => i.Title != t)))
        {
            version = Check(await add.HandleAsync(new AddAgendaItem(meetingId, version, AgendaItemKind.Standard, title), cancellationToken)).Version;
        }

        var information = Check(await add.HandleAsync(new AddAgendaItem(meetingId, version, AgendaItemKind.Information, informationTitle), cancellationToken));
        version = Check(await update.HandleAsync(new UpdateAgendaItem
        {
            MeetingId = meetingId, Version = information.Version, ItemId = information.ItemId, Title = informationTitle,
            Presenter = informationPresenter, PlannedTime = informationTime,
        }, cancellationToken));

        var caseIds = await CaseIdsAsync(organ, decisions.Select(d => d.Title).ToList(), cancellationToken);
        var decisionItems = new List<Guid>();
        foreach (var decision in decisions)
        {
            if (!caseIds.TryGetValue(decision.Title, out var caseId))
            {
                continue;
            }

            var added = Check(await add.HandleAsync(new AddAgendaItem(meetingId, version, AgendaItemKind.Decision, CaseId: caseId), cancellationToken));
            version = Check(await update.HandleAsync(new UpdateAgendaItem
            {
                MeetingId = meetingId, Version = added.Version, ItemId = added.ItemId, Title = decision.Title,
                PublicTitle = decision.PublicTitle, Presenter = decision.Presenter, IsClosed = decision.Closed,
            }, cancellationToken));
            decisionItems.Add(added.ItemId);
        }

        // The order of a real agenda: the opening standard items, information, the decisions, then the reports.
        view = Check(await get.HandleAsync(new GetMeeting(meetingId), cancellationToken));
        var byTitle = view.Items.ToDictionary(i => i.Id, i => i.Title);
        var opening = view.Items.Where(i => i.Title is "Val av justerare" or "Anmälan av extra ärenden").Select(i => i.Id);
        var closing = view.Items.Where(i => i.Kind == AgendaItemKind.Standard && byTitle[i.Id] is not ("Val av justerare" or "Anmälan av extra ärenden")).Select(i => i.Id);
        var order = opening.Append(information.ItemId).Concat(decisionItems).Concat(closing).ToList();
        Check(await reorder.HandleAsync(new ReorderAgenda(meetingId, view.Version, order), cancellationToken));
        return meetingId;
    }

    /// <summary>
    /// Sends the kallelse of Omsorgsnämnden's next meeting as the secretary, once: the meeting must still be planned with
    /// decision items on its agenda. The sending job (packs, mail to everyone called, notiser) is left to the job engine,
    /// so it runs in the background after start-up; in the development run the mail lands in smtp4dev.
    /// </summary>
    public async Task<bool> SendNextOmsorgsnamndenKallelseAsync(CancellationToken cancellationToken = default)
    {
        Guid meetingId;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var today = SwedishTime.LocalDate(clock.GetUtcNow());
            var after = SwedishTime.FromLocal(today.AddDays(1), TimeOnly.MinValue);
            meetingId = await (from m in db.Meetings.AsNoTracking()
                               join o in db.Organs on m.OrganId equals o.Id
                               where o.ShortName == "OMN" && m.StartsAt >= after && m.Status == MeetingStatus.Planerat
                                     && db.AgendaItems.Any(i => i.MeetingId == m.Id && i.Kind == AgendaItemKind.Decision)
                               orderby m.StartsAt
                               select m.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (meetingId == Guid.Empty || await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Secretary).Email) is not { } secretary)
        {
            return false;
        }

        var actor = new DemoActor(secretary.Id, secretary.UserName!, await users.GetRolesAsync(secretary));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var view = Check(await ActivatorUtilities.CreateInstance<GetMeetingHandler>(services, access).HandleAsync(new GetMeeting(meetingId), cancellationToken));
        var send = ActivatorUtilities.CreateInstance<SendNoticeHandler>(services, access, actor);
        Check(await send.HandleAsync(new SendNotice(meetingId, view.Version, null, ConfirmWarnings: true, null, [], []), cancellationToken));
        return true;
    }

    /// <summary>
    /// Fullmäktige's next meeting (added about three weeks ahead when none is planned), its agenda (<see
    /// cref="DemoNoticeBoard.FullmaktigeItems"/>) and its kallelse, sent once as the administrator would (fullmäktige has no
    /// nämndsekreterare among the demo logins). The sending job prints the packs, mails the members and, fullmäktige being
    /// public, puts the kallelse and its public pack on the anslagstavla. A meeting planned by hand less than seven days
    /// ahead is sent with the reason recorded (rule 3). Returns whether a kallelse was sent.
    /// </summary>
    public async Task<bool> SendNextFullmaktigeKallelseAsync(CancellationToken cancellationToken = default)
    {
        Guid meetingId;
        DateOnly today;
        DateOnly meetingDay;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var kf = await db.Organs.SingleOrDefaultAsync(o => o.Kind == Domain.Organisation.OrganKind.Fullmaktige && o.ShortName == DemoNoticeBoard.FullmaktigeShortName, cancellationToken);
            if (kf is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            today = SwedishTime.LocalDate(now);
            var meeting = await db.Meetings
                .Where(m => m.OrganId == kf.Id && m.StartsAt > now && m.Status != MeetingStatus.Installt)
                .OrderBy(m => m.StartsAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (meeting is null)
            {
                meeting = DemoNoticeBoard.NewFullmaktigeMeeting(kf, today);
                db.Meetings.Add(meeting);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (meeting.Status != MeetingStatus.Planerat)
            {
                return false;
            }

            meetingId = meeting.Id;
            meetingDay = meeting.LocalDate;
        }

        if (await users.FindByEmailAsync(DemoUsers.All.Single(u => u.Role == Roles.Administrator).Email) is not { } admin)
        {
            return false;
        }

        var actor = new DemoActor(admin.Id, admin.UserName!, await users.GetRolesAsync(admin));
        var access = ActivatorUtilities.CreateInstance<AccessService>(services, actor);
        var get = ActivatorUtilities.CreateInstance<GetMeetingHandler>(services, access);
        var view = Check(await get.HandleAsync(new GetMeeting(meetingId), cancellationToken));
        if (view.Items.All(i => i.Kind == AgendaItemKind.Standard))
        {
            var add = ActivatorUtilities.CreateInstance<AddAgendaItemHandler>(services, access, actor);
            var update = ActivatorUtilities.CreateInstance<UpdateAgendaItemHandler>(services, access);
            var version = view.Version;
            var added = new List<Guid>();
            foreach (var (kind, title, presenter) in DemoNoticeBoard.FullmaktigeItems)
            {
                var item = Check(await add.HandleAsync(new AddAgendaItem(meetingId, version, kind, title), cancellationToken));
                version = item.Version;
                if (presenter is not null)
                {
                    version = Check(await update.HandleAsync(new UpdateAgendaItem
                    {
                        MeetingId = meetingId, Version = version, ItemId = item.ItemId, Title = title, Presenter = presenter,
                    }, cancellationToken));
                }

                added.Add(item.ItemId);
            }

            // The opening standard items, then the matters, then the closing standard item(s).
            var standard = view.Items.Where(i => i.Kind == AgendaItemKind.Standard).Select(i => i.Id).ToList();
            var order = standard.Take(2).Concat(added).Concat(standard.Skip(2)).ToList();
            Check(await ActivatorUtilities.CreateInstance<ReorderAgendaHandler>(services, access).HandleAsync(new ReorderAgenda(meetingId, version, order), cancellationToken));
            view = Check(await get.HandleAsync(new GetMeeting(meetingId), cancellationToken));
        }

        var late = meetingDay.DayNumber - today.DayNumber < 7 ? "Demodata: sammanträdet planerades med kort varsel." : null;
        var send = ActivatorUtilities.CreateInstance<SendNoticeHandler>(services, access, actor);
        Check(await send.HandleAsync(new SendNotice(meetingId, view.Version, null, ConfirmWarnings: true, late, [], []), cancellationToken));
        return true;
    }

    private static readonly string[] DemoStandardItems = [.. Domain.Organisation.Organ.DefaultStandardAgendaItems];

    private async Task<Dictionary<string, Guid>> CaseIdsAsync(string organ, List<string> titles, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await (from c in db.Cases.AsNoTracking()
                      join o in db.Organs on c.OrganId equals o.Id
                      where o.ShortName == organ && titles.Contains(c.Title) && c.Status == Domain.Cases.CaseStatus.KlartForBeslut
                      select new { c.Title, c.Id }).ToDictionaryAsync(c => c.Title, c => c.Id, cancellationToken);
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("Demo agenda: " + result.Error!.Message);
}
