using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>The meeting's page: its schedule, its agenda and, for those who build it, the checks and the pack choices.</summary>
public sealed record GetMeeting(Guid MeetingId);

/// <param name="Version">The meeting's row version (xmin): every agenda change is saved against it.</param>
/// <param name="CanEdit">May build the agenda (the organ's nämndsekreterare, an administrator); only then are <see cref="Checks"/> filled.</param>
public sealed record MeetingView(
    Guid Id, Guid OrganId, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status,
    string? CancellationReason, uint Version, bool CanEdit, IReadOnlyList<AgendaItemView> Items, IReadOnlyList<AgendaCheck> Checks)
{
    public bool CanEditAgenda => CanEdit && Status is not (MeetingStatus.Genomfort or MeetingStatus.Installt);
}

/// <param name="PublicTitle">The public title as the secretary typed it (null: the title, or the neutral title when closed).</param>
/// <param name="ShownPublicly">What the public pack and the anslagstavla show.</param>
/// <param name="Documents">The item's pack, in order (editors only).</param>
/// <param name="Choices">Everything the pack may hold, the chosen first in order, then the rest (editors only).</param>
public sealed record AgendaItemView(
    Guid Id, int Number, AgendaItemKind Kind, string Title, string? PublicTitle, string ShownPublicly, Guid? CaseId, string? CaseNumber,
    string? Presenter, TimeOnly? PlannedTime, bool IsClosed, bool IsLateAddition,
    IReadOnlyList<PackDocumentView> Documents, IReadOnlyList<PackDocumentView> Choices)
{
    /// <summary>"punkt 3, Taxor för hemtjänst": how buttons and announcements name the item.</summary>
    public string Label => $"punkt {Number}, {Title}";

    /// <summary>The report from the registers the item carries in the pack (redovisning av delegationsbeslut, of meddelanden).</summary>
    public AgendaReport Report { get; init; }

    public DateOnly? ReportCutOff { get; init; }
}

/// <param name="CaseDocumentId">The handling; null for the tjänsteskrivelse.</param>
public sealed record PackDocumentView(Guid? CaseDocumentId, string Name, AgendaDocumentState State, bool IsSecret, bool Included);

public sealed class GetMeetingHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<MeetingView>> HandleAsync(GetMeeting request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(request.MeetingId, track: false, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var canEdit = grants.CanEdit(meeting);
        IReadOnlyList<AgendaCheck> checks = [];
        var items = new List<AgendaItemView>();
        if (canEdit)
        {
            var facts = await AgendaFacts.LoadAsync(db, grants, meeting.Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList(), cancellationToken);
            checks = AgendaChecks.Evaluate(meeting, organ.Rules, SwedishTime.LocalDate(clock.GetUtcNow()), facts.ForAll(meeting));
            items.AddRange(meeting.Items.Select(item => View(item, PackChoices(item, facts))));
        }
        else
        {
            items.AddRange(meeting.Items.Select(item => View(item, [])));
        }

        return Result<MeetingView>.Ok(new MeetingView(
            meeting.Id, organ.Id, organ.Name, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.Status, meeting.CancellationReason,
            meeting.Version, canEdit, items, checks));
    }

    private static AgendaItemView View(AgendaItem item, IReadOnlyList<PackDocumentView> choices) => new(
        item.Id, item.Position, item.Kind, item.Title, item.PublicTitle, item.EffectivePublicTitle, item.CaseId, item.CaseNumber,
        item.Presenter, item.PlannedTime, item.IsClosed, item.IsLateAddition, choices.Where(c => c.Included).ToList(), choices)
    {
        Report = item.Report,
        ReportCutOff = item.ReportCutOff,
    };

    private static List<PackDocumentView> PackChoices(AgendaItem item, AgendaFacts facts)
    {
        if (item.CaseId is null)
        {
            return [];
        }

        var handlingar = facts.Documents(item.CaseId).ToDictionary(d => d.Id);
        var choices = new List<PackDocumentView>();
        foreach (var document in item.Documents)
        {
            if (document.IsOfficerReport)
            {
                choices.Add(OfficerReport(included: true));
            }
            else if (handlingar.Remove(document.CaseDocumentId!.Value, out var handling))
            {
                choices.Add(new PackDocumentView(handling.Id, handling.Name, handling.State, handling.IsSecret, Included: true));
            }
        }

        if (facts.HasOfficerReport(item.CaseId) && !item.Documents.Any(d => d.IsOfficerReport))
        {
            choices.Add(OfficerReport(included: false));
        }

        choices.AddRange(handlingar.Values.OrderBy(d => d.Ordinal).Select(d => new PackDocumentView(d.Id, d.Name, d.State, d.IsSecret, Included: false)));
        return choices;
    }

    private static PackDocumentView OfficerReport(bool included) => new(null, "Tjänsteskrivelse", AgendaDocumentState.Ready, false, included);
}
