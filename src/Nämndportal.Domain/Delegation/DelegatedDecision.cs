using System.Text.RegularExpressions;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// What the registrar (or the delegate) enters for one delegationsbeslut. An utskott's decision is entered as the § of
/// its protokoll (<see cref="Section"/>) on the meeting day (<see cref="DecidedOn"/>): the report refers to its protokoll.
/// </summary>
public sealed record DecisionEntry(
    Guid OrganId,
    string? PointCode,
    DelegateRole DecidedAs,
    string DelegateName,
    Guid? DelegateUserId,
    DateOnly DecidedOn,
    string? CaseNumber,
    string Description,
    string? Outcome,
    bool Appealable,
    bool IndividualCase,
    bool Urgent,
    Guid? DocumentFileId = null,
    int? Section = null);

/// <summary>
/// A delegationsbeslut (rules 18–20): taken by a delegate under a point of the delegationsordning valid that day (or by
/// the chair because it could not wait, KL 6:39), numbered in the delegate's own series per year ("94/2023"), registered
/// as it is taken and reported at the next meeting; once the protokoll of that meeting is justerat it is "anmäld vid
/// [organ] [datum] § N" and its appeal time runs from the protokoll's anslag.
/// </summary>
public sealed partial class DelegatedDecision : Entity, IConcurrencyVersioned
{
    private DelegatedDecision()
    {
        DelegateName = string.Empty;
        Description = string.Empty;
        SeriesKey = string.Empty;
        DecidedAs = DelegateRole.Position("Okänd");
    }

    private DelegatedDecision(DecisionEntry entry, DelegationScheme? scheme, int number)
        : this()
    {
        OrganId = entry.OrganId;
        SchemeId = scheme?.Id;
        SchemeNumber = scheme?.Number;
        PointCode = entry.Urgent ? null : entry.PointCode!.Trim();
        DecidedAs = entry.DecidedAs;
        SeriesKey = entry.DecidedAs.SeriesKey;
        DelegateName = entry.DelegateName.Trim();
        DelegateUserId = entry.DelegateUserId;
        DecidedOn = entry.DecidedOn;
        Number = number;
        Year = entry.DecidedOn.Year;
        CaseNumber = string.IsNullOrWhiteSpace(entry.CaseNumber) ? null : entry.CaseNumber.Trim();
        Description = entry.Description.Trim();
        Outcome = string.IsNullOrWhiteSpace(entry.Outcome) ? null : entry.Outcome.Trim();
        Appealable = entry.Appealable;
        IndividualCase = entry.IndividualCase;
        Urgent = entry.Urgent;
        DocumentFileId = entry.DocumentFileId;
        MustReport = entry.Urgent || scheme!.Point(PointCode!)!.MustReport;
    }

    public Guid OrganId { get; private set; }

    /// <summary>The delegationsordning version the decision was taken under (none for an urgent decision).</summary>
    public Guid? SchemeId { get; private set; }

    public int? SchemeNumber { get; private set; }

    /// <summary>The point ("3.2"); none for an urgent decision by the chair (KL 6:39).</summary>
    public string? PointCode { get; private set; }

    /// <summary>The role the delegate decided in.</summary>
    public DelegateRole DecidedAs { get; private set; }

    /// <summary>The delegate's own number series (one per role and organ).</summary>
    public string SeriesKey { get; private set; }

    /// <summary>Who decided, by name.</summary>
    public string DelegateName { get; private set; }

    public Guid? DelegateUserId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>94 in "94/2023"; for an utskott, the § of its protokoll.</summary>
    public int Number { get; private set; }

    /// <summary>2023 in "94/2023": the year of the decision.</summary>
    public int Year { get; private set; }

    /// <summary>Diarienummer; optional for a batch of individual cases, never printed for one.</summary>
    public string? CaseNumber { get; private set; }

    public string Description { get; private set; }

    public string? Outcome { get; private set; }

    public bool Appealable { get; private set; }

    /// <summary>An individual social-services case: reported only as a count and a period (rule 23).</summary>
    public bool IndividualCase { get; private set; }

    /// <summary>Taken by the chair because it could not wait (KL 6:39): always on the next report (rule 19).</summary>
    public bool Urgent { get; private set; }

    /// <summary>Whether the point asks for decisions to be reported (always for an urgent decision).</summary>
    public bool MustReport { get; private set; }

    public Guid? DocumentFileId { get; private set; }

    /// <summary>The meeting whose report holds the decision, once it is on one.</summary>
    public Guid? ReportMeetingId { get; private set; }

    /// <summary>"anmäld vid Social- och utbildningsnämnden 2026-12-09 § 112": set when that meeting's protokoll is justerat.</summary>
    public string? ReportedIn { get; private set; }

    /// <summary>The day the appeal time starts: the day the anslag of the protokoll it was reported in went up (rule 20).</summary>
    public DateOnly? AppealFrom { get; private set; }

    /// <summary>The anslag of its own when an appealable decision is not reported (KL 8:10, rule 20).</summary>
    public Guid? PostingId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>"94/2023".</summary>
    public string NumberText => $"{Number}/{Year}";

    /// <summary>
    /// Checks an entry against the rules before a number is taken: the date is not in the future; the point exists in the
    /// version valid that day and names the role (as delegate, substitute or through a valid vidaredelegation); the person
    /// held that role that day (<paramref name="heldRole"/>, from the position holders or the memberships); an urgent
    /// decision is the chair's; an individual case names no one. Returns the point (null for an urgent decision).
    /// </summary>
    public static DelegationPoint? Check(DecisionEntry entry, DelegationScheme? scheme, IEnumerable<OnwardDelegation> onward, bool heldRole, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(onward);
        ArgumentNullException.ThrowIfNull(entry.DecidedAs);
        if (entry.DecidedOn > today)
        {
            throw new DomainException($"Beslutsdatumet {entry.DecidedOn:yyyy-MM-dd} ligger i framtiden. Ett beslut registreras när det har fattats.");
        }

        if (string.IsNullOrWhiteSpace(entry.DelegateName))
        {
            throw new DomainException("Ange vem som fattade beslutet.");
        }

        if (string.IsNullOrWhiteSpace(entry.Description) || entry.Description.Trim().Length > 500)
        {
            throw new DomainException("Beskriv beslutet kort (högst 500 tecken).");
        }

        if (entry.CaseNumber?.Trim().Length > 60)
        {
            throw new DomainException("Diarienumret får ha högst 60 tecken.");
        }

        if (entry.Outcome?.Trim().Length > 500)
        {
            throw new DomainException("Utfallet får ha högst 500 tecken.");
        }

        if (entry.IndividualCase && PersonalDetails(entry.Description) is { } found)
        {
            throw new DomainException(
                $"Beskrivningen av ett enskilt individärende får inte innehålla personuppgifter (”{found}”). Beskriv vilket slags beslut det är, till exempel ”Beslut om bistånd i form av hemtjänst”.");
        }

        if (entry.IndividualCase && PersonalDetails(entry.Outcome) is { } inOutcome)
        {
            throw new DomainException($"Utfallet i ett enskilt individärende får inte innehålla personuppgifter (”{inOutcome}”). Skriv till exempel ”Bifall” eller ”Avslag”.");
        }

        DelegationPoint? point = null;
        if (entry.Urgent)
        {
            if (entry.DecidedAs.Kind != DelegateKind.ElectedRole)
            {
                throw new DomainException("Ett brådskande beslut enligt 6 kap. 39 § kommunallagen fattas av ordföranden eller en ledamot som nämnden utsett, inte av en anställd.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(entry.PointCode))
            {
                throw new DomainException("Ange delegationspunkten beslutet fattades enligt.");
            }

            if (scheme is null || !scheme.IsValidOn(entry.DecidedOn))
            {
                throw new DomainException($"Ingen fastställd delegationsordning gällde {entry.DecidedOn:yyyy-MM-dd}.");
            }

            point = scheme.Point(entry.PointCode)
                ?? throw new DomainException($"Punkt {entry.PointCode.Trim()} finns inte i delegationsordningen (version {scheme.Number}) som gällde {entry.DecidedOn:yyyy-MM-dd}.");
            var passedOn = entry.DecidedAs.Kind == DelegateKind.Position
                && onward.Any(o => o.OrganId == entry.OrganId && o.PointCode == point.Code && o.IsValidOn(entry.DecidedOn)
                    && string.Equals(o.ToTitle, entry.DecidedAs.Title, StringComparison.OrdinalIgnoreCase));
            if (!point.Names(entry.DecidedAs) && !passedOn)
            {
                throw new DomainException(
                    $"Punkt {point.Code} delegerar inte till {entry.DecidedAs.Name.ToLowerInvariant()} (delegat: {string.Join(", ", point.Delegates.Select(d => d.Name))}"
                    + (point.Substitutes.Count > 0 ? $"; ersättare: {string.Join(", ", point.Substitutes.Select(d => d.Name))}" : string.Empty) + ").");
            }
        }

        if (entry.DecidedAs.Kind == DelegateKind.Committee && entry.Section is not > 0)
        {
            throw new DomainException($"Ange paragrafen i {entry.DecidedAs.Name.ToLowerInvariant()}s protokoll där beslutet fattades.");
        }

        if (!heldRole)
        {
            throw new DomainException($"{entry.DelegateName.Trim()} var inte {entry.DecidedAs.Name.ToLowerInvariant()} {entry.DecidedOn:yyyy-MM-dd}.");
        }

        return point;
    }

    /// <summary>
    /// Registers an entry that passes <see cref="Check"/> as number <paramref name="number"/> in the delegate's series; an
    /// utskott's decision keeps its § number as its number.
    /// </summary>
    public static DelegatedDecision Register(DecisionEntry entry, DelegationScheme? scheme, IEnumerable<OnwardDelegation> onward, bool heldRole, DateOnly today, int? number)
    {
        Check(entry, scheme, onward, heldRole, today);
        var n = entry.DecidedAs.Kind == DelegateKind.Committee ? entry.Section : number;
        if (n is not > 0)
        {
            throw new DomainException("Beslutets nummer börjar på 1.");
        }

        return new DelegatedDecision(entry, scheme, n.Value);
    }

    /// <summary>Whether the decision takes a number from the delegate's series (an utskott's keeps its §).</summary>
    public static bool TakesNumber(DelegateRole decidedAs) => decidedAs?.Kind != DelegateKind.Committee;

    /// <summary>Keeps the decision document (a new upload replaces the link, the earlier file stays); refused once it is reported.</summary>
    public void AttachDocument(Guid fileId)
    {
        if (ReportedIn is not null)
        {
            throw new DomainException($"Beslut {NumberText} är redan {ReportedIn}; dess beslutsdokument byts inte ut.");
        }

        DocumentFileId = fileId;
    }

    /// <summary>Puts the decision on the report of meeting <paramref name="meetingId"/>; refused once it is reported.</summary>
    public void PutOnReport(Guid meetingId)
    {
        if (ReportedIn is not null)
        {
            throw new DomainException($"Beslut {NumberText} är redan {ReportedIn}.");
        }

        ReportMeetingId = meetingId;
    }

    /// <summary>Takes it off a report not yet justerat (the report is rebuilt).</summary>
    public void TakeOffReport()
    {
        if (ReportedIn is not null)
        {
            throw new DomainException($"Beslut {NumberText} är redan {ReportedIn} och kan inte tas bort från redovisningen.");
        }

        ReportMeetingId = null;
    }

    /// <summary>Rule 20: the protokoll with the report is justerat; the appeal time runs from its anslag.</summary>
    public void MarkReported(string organName, DateOnly meetingDate, int section, DateOnly anslagUpOn)
    {
        if (ReportMeetingId is null)
        {
            throw new DomainException($"Beslut {NumberText} finns inte på någon redovisning.");
        }

        ReportedIn = $"anmäld vid {organName} {meetingDate:yyyy-MM-dd} § {section}";
        // An individual case is appealed by förvaltningsbesvär from when the person was notified, not from the anslag.
        AppealFrom = Appealable && !IndividualCase ? anslagUpOn : null;
    }

    /// <summary>KL 8:10: an appealable decision that is not reported gets its own anslag, and its appeal time runs from it.</summary>
    public void AnnounceOnItsOwn(Guid postingId, DateOnly upOn)
    {
        if (!Appealable)
        {
            throw new DomainException($"Beslut {NumberText} kan inte överklagas och anslås inte.");
        }

        if (MustReport)
        {
            throw new DomainException($"Beslut {NumberText} anmäls till nämnden; överklagandetiden räknas från protokollets anslag.");
        }

        if (IndividualCase)
        {
            throw new DomainException($"Beslut {NumberText} gäller ett enskilt individärende; det anslås inte utan delges den enskilde.");
        }

        if (PostingId is not null)
        {
            throw new DomainException($"Beslut {NumberText} är redan anslaget.");
        }

        PostingId = postingId;
        AppealFrom = upOn;
    }

    /// <summary>A personnummer, or what looks like a person's name (two capitalised words in a row), in <paramref name="text"/>.</summary>
    public static string? PersonalDetails(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PersonalIdentityNumbers.Find(text) is { Count: > 0 } numbers)
        {
            return numbers[0];
        }

        var name = PersonName().Match(text);
        return name.Success ? name.Value : null;
    }

    // Two capitalised words in a row ("Sven Svensson"), not at the start of the text alone ("Beslut Om" is unlikely).
    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\b")]
    private static partial Regex PersonName();
}
