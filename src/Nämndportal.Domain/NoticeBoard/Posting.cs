using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.NoticeBoard;

/// <summary>
/// An anslag on the public anslagstavla (KL 8:9): what it announces, the day it goes up (<see cref="UpOn"/>) and the last
/// day it is up (<see cref="DownOn"/>), both Stockholm dates. What the public page shows is kept here as its own text, so
/// a later change of the meeting or the organ never silently changes a published notice: a changed kallelse is a new
/// posting that replaces this one (<see cref="Replace"/>). Postings are never deleted; after they come down they are the
/// board's history.
/// </summary>
public sealed class Posting : Entity
{
    /// <summary>Fullmäktige's kallelse is up at least this many days before the meeting (KL 8 kap. 10 §, rule 3).</summary>
    public const int FullmaktigeNoticeDays = 7;

    private Posting()
    {
        Title = string.Empty;
        OrganName = string.Empty;
        PublishedBy = string.Empty;
        AgendaLines = [];
    }

    private Posting(
        Guid organId, string organName, Guid? meetingId, PostingKind kind, string title, DateOnly upOn, DateOnly downOn,
        DateTimeOffset publishedAt, string publishedBy)
        : this()
    {
        if (downOn < upOn)
        {
            throw new DomainException("Ett anslag kan inte tas ned före den dag det sätts upp.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Anslaget måste ha en rubrik.");
        }

        OrganId = organId;
        OrganName = organName;
        MeetingId = meetingId;
        Kind = kind;
        Title = title.Trim();
        UpOn = upOn;
        DownOn = downOn;
        PublishedAt = publishedAt.ToUniversalTime();
        PublishedBy = publishedBy;
    }

    public Guid OrganId { get; private set; }

    /// <summary>The organ's name when the notice went up.</summary>
    public string OrganName { get; private set; }

    /// <summary>The meeting a kallelse announces; null for kinds that announce no meeting.</summary>
    public Guid? MeetingId { get; private set; }

    public PostingKind Kind { get; private set; }

    /// <summary>The public heading ("Kallelse till Kommunfullmäktige 2026-12-21").</summary>
    public string Title { get; private set; }

    /// <summary>When the announced meeting starts (a kallelse): as it was when the notice went up.</summary>
    public DateTimeOffset? MeetingStartsAt { get; private set; }

    public DateTimeOffset? MeetingEndsAt { get; private set; }

    /// <summary>Where the announced meeting is held, as it was when the notice went up.</summary>
    public string? Place { get; private set; }

    /// <summary>The public titles of the agenda items, in order (a closed item by its neutral public title).</summary>
    public List<string> AgendaLines { get; private set; }

    /// <summary>
    /// The public PDF (the public kallelse pack), a <see cref="Files.StoredFile"/> of another feature referenced by id. The
    /// public file endpoint serves this file only, and only while the posting is up.
    /// </summary>
    public Guid? PublicFileId { get; private set; }

    /// <summary>The day the notice goes up (Stockholm).</summary>
    public DateOnly UpOn { get; private set; }

    /// <summary>The last day the notice is up (Stockholm): it is on the board from <see cref="UpOn"/> through this day.</summary>
    public DateOnly DownOn { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The user name of who published it.</summary>
    public string PublishedBy { get; private set; }

    /// <summary>Why fullmäktige's kallelse went up later than seven days before the meeting (rule 3); null when in time.</summary>
    public string? LateReason { get; private set; }

    /// <summary>When a newer posting replaced this one (a re-issued kallelse); it then leaves the current board.</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }

    public string? ReplacedBy { get; private set; }

    /// <summary>The posting that replaced this one.</summary>
    public Guid? ReplacedByPostingId { get; private set; }

    /// <summary>When the posting was taken down by hand, after its last day (<see cref="TakeDown"/>).</summary>
    public DateTimeOffset? TakenDownAt { get; private set; }

    public string? TakenDownBy { get; private set; }

    /// <summary>The protokoll whose justering this anslag announces.</summary>
    public Guid? MinutesId { get; private set; }

    /// <summary>The day the protokoll (or the §) was justerat.</summary>
    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>The §§ the anslag covers, "§ 61–65" (one § for an omedelbar justering).</summary>
    public string? Sections { get; private set; }

    /// <summary>Whether the anslag announces a justerad rättelse of the protokoll (then <see cref="Sections"/> names it, "Rättelse 1 av § 61").</summary>
    public bool IsCorrection { get; private set; }

    /// <summary>Where the protokoll is kept (förvaringsplats).</summary>
    public string? KeptAt { get; private set; }

    /// <summary>How to appeal, as the notice states it (rule 15).</summary>
    public string? AppealInformation { get; private set; }

    /// <summary>Whether the notice is on the board on <paramref name="day"/> (Stockholm).</summary>
    public bool IsUpOn(DateOnly day) => ReplacedAt is null && TakenDownAt is null && UpOn <= day && day <= DownOn;

    /// <summary>
    /// The kallelse of <paramref name="meeting"/> on the board from <paramref name="today"/> through the day after the
    /// meeting. Only an organ whose reglemente allows public meetings gets its kallelse on the board (rule 2, KL 6:25),
    /// except fullmäktige, whose meetings are always public and must be announced (rule 3): at least seven days before the
    /// meeting, or later with a recorded reason.
    /// </summary>
    public static Posting ForKallelse(
        Organ organ, Meeting meeting, IEnumerable<string> agendaLines, Guid? publicFileId, DateOnly today,
        DateTimeOffset publishedAt, string publishedBy, string? lateReason = null)
    {
        ArgumentNullException.ThrowIfNull(organ);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(agendaLines);
        if (meeting.OrganId != organ.Id)
        {
            throw new DomainException("Sammanträdet hör inte till organet.");
        }

        var isFullmaktige = organ.Kind == OrganKind.Fullmaktige;
        if (!isFullmaktige && !organ.Rules.PublicMeetingsAllowed)
        {
            throw new DomainException(
                $"{organ.Name}s sammanträden är inte offentliga enligt reglementet, så kallelsen sätts inte upp på anslagstavlan.");
        }

        if (meeting.Status == MeetingStatus.Installt)
        {
            throw new DomainException("Sammanträdet är inställt.");
        }

        var meetingDay = meeting.LocalDate;
        if (meetingDay < today)
        {
            throw new DomainException("Sammanträdet har redan hållits.");
        }

        var reason = string.IsNullOrWhiteSpace(lateReason) ? null : lateReason.Trim();
        var late = isFullmaktige && meetingDay.DayNumber - today.DayNumber < FullmaktigeNoticeDays;
        if (late && reason is null)
        {
            throw new DomainException(
                $"Kallelsen till fullmäktige ska sitta på anslagstavlan minst {FullmaktigeNoticeDays} dagar före sammanträdet "
                + "(kommunallagen 8 kap. 10 §). Ange skälet till att den sätts upp senare.");
        }

        if (reason is { Length: > 1000 })
        {
            throw new DomainException("Skälet får vara högst 1 000 tecken.");
        }

        var lines = agendaLines.Select(l => l?.Trim() ?? string.Empty).Where(l => l.Length > 0).ToList();
        // The day after the meeting: the notice stays up until the meeting has surely been held, then it is history.
        var posting = new Posting(
            organ.Id, organ.Name, meeting.Id, PostingKind.Kallelse, $"Kallelse till {organ.Name} {meetingDay:yyyy-MM-dd}",
            today, meetingDay.AddDays(1), publishedAt, publishedBy)
        {
            MeetingStartsAt = meeting.StartsAt,
            MeetingEndsAt = meeting.EndsAt,
            Place = meeting.Place,
            AgendaLines = lines,
            PublicFileId = publicFileId,
            LateReason = late ? reason : null,
        };
        return posting;
    }

    /// <summary>
    /// The anslag of a justerat protokoll (rules 15 and 16): up on <paramref name="upOn"/>, no later than the second day
    /// after the justering (KL 8:12), and down after the appeal time's last day, three weeks later moved past days off
    /// (KL 13:5, lag 1930:173). <paramref name="section"/> is set for a § justerad at once (rule 14).
    /// </summary>
    public static Posting ForMinutes(
        Guid organId, string organName, Guid meetingId, Guid minutesId, DateOnly meetingDate, string sections, DateOnly approvedOn, DateOnly upOn,
        string keptAt, DateTimeOffset publishedAt, string publishedBy, int? section = null)
    {
        var appeal = AppealTime.ForJustering(approvedOn, upOn);
        var title = section is { } number
            ? $"Omedelbart justerad § {number}, {organName} {meetingDate:yyyy-MM-dd}"
            : $"Justerat protokoll, {organName} {meetingDate:yyyy-MM-dd}";
        if (string.IsNullOrWhiteSpace(keptAt))
        {
            throw new DomainException("Ange var protokollet förvaras; anslaget ska säga det.");
        }

        return new Posting(organId, organName, meetingId, PostingKind.Protokoll, title, upOn, appeal.LastDay, publishedAt, publishedBy)
        {
            MinutesId = minutesId,
            ApprovedOn = approvedOn,
            MeetingStartsAt = SwedishTime.FromLocal(meetingDate, TimeOnly.MinValue),
            Sections = sections,
            KeptAt = keptAt.Trim(),
            AppealInformation =
                $"Den som är medlem i kommunen kan överklaga beslut genom laglighetsprövning enligt 13 kap. kommunallagen. "
                + $"Överklagandet ska ha kommit in till förvaltningsrätten senast {appeal.LastDay:yyyy-MM-dd}, tre veckor från den dag "
                + "då justeringen tillkännagavs på anslagstavlan. Beslut som överklagas genom förvaltningsbesvär har den tid "
                + "som anges i beslutet.",
        };
    }

    /// <summary>
    /// The anslag of a justerad rättelse of a protokoll (rule 13): announced like a justering, with its own appeal time from
    /// the day it goes up (rules 15, 16). <paramref name="correctionTitle"/> is "Rättelse 1 av § 61".
    /// </summary>
    public static Posting ForMinutesCorrection(
        Guid organId, string organName, Guid meetingId, Guid minutesId, DateOnly meetingDate, string correctionTitle, DateOnly approvedOn, DateOnly upOn,
        string keptAt, DateTimeOffset publishedAt, string publishedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correctionTitle);
        var posting = ForMinutes(organId, organName, meetingId, minutesId, meetingDate, correctionTitle, approvedOn, upOn, keptAt, publishedAt, publishedBy);
        posting.IsCorrection = true;
        posting.Title = $"Justerad {char.ToLowerInvariant(correctionTitle[0])}{correctionTitle[1..]} i protokoll, {organName} {meetingDate:yyyy-MM-dd}";
        return posting;
    }

    /// <summary>
    /// The anslag of an appealable delegationsbeslut that will not be reported to the organ (KL 8:10, rule 20): up today,
    /// down when the three weeks of appeal from today have run (rule 16). It names the decision and the delegate's role,
    /// never the person decided about.
    /// </summary>
    public static Posting ForDelegatedDecision(
        Guid organId, string organName, string numberText, string delegateRole, DateOnly decidedOn, string description, DateOnly upOn,
        DateTimeOffset publishedAt, string publishedBy)
    {
        var appeal = AppealTime.From(upOn);
        return new Posting(organId, organName, null, PostingKind.Delegationsbeslut, $"Delegationsbeslut {numberText}, {organName}", upOn, appeal.LastDay, publishedAt, publishedBy)
        {
            AgendaLines = [description, $"Beslutat {decidedOn:yyyy-MM-dd} av {delegateRole.ToLowerInvariant()} med stöd av delegation från {organName}."],
            AppealInformation =
                "Den som är medlem i kommunen kan överklaga beslutet genom laglighetsprövning enligt 13 kap. kommunallagen. "
                + $"Överklagandet ska ha kommit in till förvaltningsrätten senast {appeal.LastDay:yyyy-MM-dd}, tre veckor från den dag då beslutet tillkännagavs på anslagstavlan.",
        };
    }

    /// <summary>The published public version of the protokoll this anslag announces, downloadable while it is up.</summary>
    public void AttachPublicFile(Guid fileId)
    {
        if (Kind != PostingKind.Protokoll)
        {
            throw new DomainException("Bara ett protokolls anslag får den offentliga versionen.");
        }

        PublicFileId = fileId;
    }

    /// <summary>
    /// A re-issued kallelse replaces this one: this posting leaves the current board (and keeps its record), the newer one
    /// carries the notice. Only a kallelse is replaced; a protokoll's anslag runs its appeal time and is never replaced.
    /// </summary>
    public void Replace(Posting replacement, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (Kind != PostingKind.Kallelse || replacement.Kind != Kind || replacement.MeetingId != MeetingId || replacement.Id == Id)
        {
            throw new DomainException("Bara en kallelse kan ersättas, och bara av en ny kallelse till samma sammanträde.");
        }

        if (ReplacedAt is not null || TakenDownAt is not null)
        {
            throw new DomainException("Anslaget är redan ersatt eller nedtaget.");
        }

        ReplacedAt = at.ToUniversalTime();
        ReplacedBy = by;
        ReplacedByPostingId = replacement.Id;
    }

    /// <summary>
    /// Records that the notice was taken down. Never before its last day has passed: the appeal time of a protokoll runs
    /// from the anslag, and taking it down early would stop it (rule 16, KL 13:5), so the portal refuses.
    /// </summary>
    public void TakeDown(DateOnly today, DateTimeOffset at, string by)
    {
        if (today <= DownOn)
        {
            throw new DomainException($"Anslaget ska sitta uppe till och med {DownOn:yyyy-MM-dd} och kan inte tas ned tidigare.");
        }

        if (ReplacedAt is not null || TakenDownAt is not null)
        {
            throw new DomainException("Anslaget är redan ersatt eller nedtaget.");
        }

        TakenDownAt = at.ToUniversalTime();
        TakenDownBy = by;
    }
}
