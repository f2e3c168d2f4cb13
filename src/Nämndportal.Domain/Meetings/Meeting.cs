using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// A sammanträde of one organ, with its lifecycle (<see cref="MeetingStatus"/>) and its föredragningslista: the
/// meeting owns its agenda items, numbers them 1…n without gaps and keeps that true through every change. Every
/// change of the agenda raises <see cref="AgendaRevision"/>, so the meeting row itself changes and its xmin
/// version refuses a second secretary's stale save.
/// </summary>
public sealed class Meeting : Entity, IConcurrencyVersioned
{
    private readonly List<AgendaItem> _items = [];

    private Meeting()
    {
        Place = string.Empty;
    }

    public Meeting(Guid organId, DateTimeOffset startsAt, DateTimeOffset? endsAt, string place)
        : this()
    {
        OrganId = organId;
        SetSchedule(startsAt, endsAt, place);
        Status = MeetingStatus.Planerat;
    }

    public Guid OrganId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public string Place { get; private set; }

    public MeetingStatus Status { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Raised by every move and the cancellation: the iCal SEQUENCE, so subscribed calendars take the change.</summary>
    public int ScheduleRevision { get; private set; }

    /// <summary>Raised by every change of the agenda (the meeting row changes, so a concurrent save conflicts).</summary>
    public int AgendaRevision { get; private set; }

    /// <summary>Gruppmöten: the parties' group meetings before the meeting, as printed on the kallelse.</summary>
    public string? GroupMeetings { get; private set; }

    /// <summary>Free notes printed on the kallelse page, e.g. press information.</summary>
    public string? NoticeNotes { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The last kallelse version sent (0 while none is).</summary>
    public int NoticeVersionNumber { get; private set; }

    /// <summary>The meeting's date in Stockholm: memberships are judged on this day.</summary>
    public DateOnly LocalDate => SwedishTime.LocalDate(StartsAt);

    /// <summary>The agenda in order.</summary>
    public IReadOnlyList<AgendaItem> Items => _items.OrderBy(i => i.Position).ToList();

    /// <summary>Planerat and Kallelse skickad: the meeting can still be moved, cancelled and its agenda edited.</summary>
    public bool IsOpenForPlanning => Status is MeetingStatus.Planerat or MeetingStatus.KallelseSkickad;

    /// <summary>
    /// Rule 1: the last day the kallelse may go out, the reglemente's number of days before the meeting
    /// (default 5). A kallelse sent on this day is in time; the day after is late.
    /// </summary>
    public DateOnly NoticeDeadline(OrganRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return LocalDate.AddDays(-rules.NoticeDaysBeforeMeeting);
    }

    /// <summary>Rule 1: is a kallelse sent on <paramref name="sentOn"/> (Stockholm) later than the reglemente allows?</summary>
    public bool IsNoticeLate(DateOnly sentOn, OrganRules rules) => sentOn > NoticeDeadline(rules);

    /// <summary>Flyttar sammanträdet: a new time or place. Tells calendars through <see cref="ScheduleRevision"/>.</summary>
    public bool Reschedule(DateTimeOffset startsAt, DateTimeOffset? endsAt, string place)
    {
        EnsureOpenForPlanning("flyttas");
        var changed = startsAt.ToUniversalTime() != StartsAt || endsAt?.ToUniversalTime() != EndsAt || place?.Trim() != Place;
        SetSchedule(startsAt, endsAt, place!);
        if (changed)
        {
            ScheduleRevision++;
        }

        return changed;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        EnsureOpenForPlanning("ställas in");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Ange varför sammanträdet ställs in. Alla som har kallats får veta det.");
        }

        if (reason.Trim().Length > 500)
        {
            throw new DomainException("Skälet får ha högst 500 tecken.");
        }

        Status = MeetingStatus.Installt;
        CancellationReason = reason.Trim();
        CancelledAt = at;
        ScheduleRevision++;
    }

    public void SetNoticeTexts(string? groupMeetings, string? notes)
    {
        EnsureOpenForPlanning("ändras");
        GroupMeetings = Limit(groupMeetings, 2000, "Gruppmöten");
        NoticeNotes = Limit(notes, 4000, "Övrig information");
    }

    /// <summary>Records that kallelse version <paramref name="versionNumber"/> went out: the first, or a re-issue after a change.</summary>
    public void RecordNoticeSent(int versionNumber)
    {
        EnsureOpenForPlanning("kallas till");
        if (_items.Count == 0)
        {
            throw new DomainException("Föredragningslistan är tom. Lägg till minst en punkt innan kallelsen skickas.");
        }

        if (versionNumber != NoticeVersionNumber + 1)
        {
            throw new DomainException("Kallelsen har redan skickats i en nyare version. Ladda om sidan.");
        }

        NoticeVersionNumber = versionNumber;
        Status = MeetingStatus.KallelseSkickad;
    }

    /// <summary>The chair opens the meeting. Only a called meeting can begin.</summary>
    public void Open()
    {
        if (Status != MeetingStatus.KallelseSkickad)
        {
            throw new DomainException(Status switch
            {
                MeetingStatus.Planerat => "Kallelsen har inte skickats. Sammanträdet kan inte öppnas förrän ledamöterna har kallats.",
                MeetingStatus.Pagar => "Sammanträdet pågår redan.",
                MeetingStatus.Genomfort => "Sammanträdet är redan avslutat.",
                MeetingStatus.Installt => "Sammanträdet är inställt.",
                _ => throw new InvalidOperationException(),
            });
        }

        Status = MeetingStatus.Pagar;
    }

    /// <summary>The chair closes the meeting.</summary>
    public void Close()
    {
        if (Status != MeetingStatus.Pagar)
        {
            throw new DomainException("Bara ett pågående sammanträde kan avslutas.");
        }

        Status = MeetingStatus.Genomfort;
    }

    /// <summary>Adds an item last on the agenda. After the kallelse went out, it is an extra ärende.</summary>
    public AgendaItem AddItem(AgendaItemKind kind, string title, Guid? caseId = null, string? caseNumber = null)
    {
        EnsureAgendaEditable();
        if (caseId is { } id && _items.Any(i => i.CaseId == id))
        {
            throw new DomainException("Ärendet finns redan på föredragningslistan.");
        }

        if (_items.Count >= 200)
        {
            throw new DomainException("En föredragningslista kan ha högst 200 punkter.");
        }

        var item = new AgendaItem(Id, _items.Count + 1, kind, title, caseId, caseNumber, Status != MeetingStatus.Planerat);
        _items.Add(item);
        AgendaRevision++;
        return item;
    }

    public void UpdateItem(Guid itemId, string title, string? publicTitle, string? presenter, TimeOnly? plannedTime, bool isClosed)
    {
        EnsureAgendaEditable();
        Item(itemId).Update(title, publicTitle, presenter, plannedTime, isClosed);
        AgendaRevision++;
    }

    public void SetItemDocuments(Guid itemId, bool includeOfficerReport, IReadOnlyList<Guid> caseDocumentIds)
    {
        EnsureAgendaEditable();
        Item(itemId).SetDocuments(includeOfficerReport, caseDocumentIds ?? []);
        AgendaRevision++;
    }

    /// <summary>
    /// Makes standard item <paramref name="itemId"/> carry a report from the registers (its document in the kallelse pack),
    /// taking in what was decided or received up to <paramref name="cutOff"/>; <see cref="AgendaReport.None"/> removes it.
    /// One item per kind of report.
    /// </summary>
    public void SetItemReport(Guid itemId, AgendaReport report, DateOnly? cutOff)
    {
        EnsureAgendaEditable();
        if (report != AgendaReport.None && Items.Any(i => i.Id != itemId && i.Report == report))
        {
            throw new DomainException("Redovisningen finns redan under en annan punkt på föredragningslistan.");
        }

        if (cutOff is { } day && day > SwedishTime.LocalDate(StartsAt))
        {
            throw new DomainException("Brytdatum kan inte ligga efter sammanträdet.");
        }

        Item(itemId).SetReport(report, cutOff);
        AgendaRevision++;
    }

    /// <summary>Takes an item off the agenda; the items after it move up one number. Returns the removed item.</summary>
    public AgendaItem RemoveItem(Guid itemId)
    {
        EnsureAgendaEditable();
        var item = Item(itemId);
        _items.Remove(item);
        Renumber(Items.ToList());
        AgendaRevision++;
        return item;
    }

    /// <summary>Moves an item to a new number (1 first); the others shift to make room.</summary>
    public void MoveItem(Guid itemId, int newPosition)
    {
        EnsureAgendaEditable();
        var ordered = Items.ToList();
        var item = Item(itemId);
        if (newPosition < 1 || newPosition > ordered.Count)
        {
            throw new DomainException($"Punkten kan flyttas till plats 1–{ordered.Count}.");
        }

        ordered.Remove(item);
        ordered.Insert(newPosition - 1, item);
        Renumber(ordered);
        AgendaRevision++;
    }

    /// <summary>Puts the whole agenda in the given order (drag and drop). The list must name every item once.</summary>
    public void Reorder(IReadOnlyList<Guid> itemIds)
    {
        EnsureAgendaEditable();
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count != _items.Count || itemIds.Distinct().Count() != _items.Count || itemIds.Any(id => _items.All(i => i.Id != id)))
        {
            throw new DomainException("Föredragningslistan har ändrats av någon annan. Ladda om sidan.");
        }

        Renumber(itemIds.Select(Item).ToList());
        AgendaRevision++;
    }

    private static void Renumber(List<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    private AgendaItem Item(Guid itemId) =>
        _items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("Punkten finns inte på föredragningslistan.");

    private void EnsureAgendaEditable()
    {
        if (Status is MeetingStatus.Genomfort or MeetingStatus.Installt)
        {
            throw new DomainException(Status == MeetingStatus.Installt
                ? "Sammanträdet är inställt. Föredragningslistan kan inte ändras."
                : "Sammanträdet är genomfört. Föredragningslistan kan inte ändras.");
        }
    }

    private void EnsureOpenForPlanning(string verb)
    {
        if (!IsOpenForPlanning)
        {
            throw new DomainException(Status switch
            {
                MeetingStatus.Pagar => $"Sammanträdet pågår och kan inte {verb}.",
                MeetingStatus.Genomfort => $"Sammanträdet är genomfört och kan inte {verb}.",
                MeetingStatus.Installt => $"Sammanträdet är inställt och kan inte {verb}.",
                _ => throw new InvalidOperationException(),
            });
        }
    }

    private void SetSchedule(DateTimeOffset startsAt, DateTimeOffset? endsAt, string place)
    {
        if (endsAt is { } end && end <= startsAt)
        {
            throw new DomainException("Sammanträdet måste sluta efter att det börjat.");
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new DomainException("Ange var sammanträdet hålls.");
        }

        if (place.Trim().Length > 200)
        {
            throw new DomainException("Platsen får ha högst 200 tecken.");
        }

        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt?.ToUniversalTime();
        Place = place.Trim();
    }

    private static string? Limit(string? text, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : throw new DomainException($"{field} får ha högst {max} tecken.");
    }
}
