using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Minutes;

/// <summary>
/// One § of a protokoll, owned by <see cref="MeetingMinutes"/>, which guards every change (who serves, whether the protokoll is
/// still a draft). Everything rule 11 asks a § to record is here: proposals, the order the chair put them, votes, the
/// decision, jäv, reservations and protokollsanteckningar.
/// </summary>
public sealed class MinutesSection : Entity
{
    private MinutesSection()
    {
        Title = string.Empty;
    }

    internal MinutesSection(Guid minutesId, int number, SectionDraft draft)
        : this()
    {
        MinutesId = minutesId;
        Number = number;
        AgendaItemId = draft.AgendaItemId;
        CaseId = draft.CaseId;
        CaseNumber = MinutesText.Optional(draft.CaseNumber, 60, "Diarienumret");
        Kind = draft.Kind;
        Title = MinutesText.Required(draft.Title, 300, "Rubriken");
        Presenter = MinutesText.Optional(draft.Presenter, 200, "Föredragande");
        Decisions = MinutesText.Lines(draft.Decisions, 50, 4000, "Beslutet");
        DecisionBasis = MinutesText.Lines(draft.DecisionBasis, 100, 500, "Beslutsunderlaget");
        AccountHtml = draft.AccountHtml;
        SendTo = MinutesText.Lines(draft.SendTo, 50, 300, "Beslutet skickas till");
        SecrecyProvision = MinutesText.Optional(draft.SecrecyProvision, 200, "Sekretessbestämmelsen");
        Appeal = draft.Kind == SectionKind.Decision ? AppealKind.LegalityReview : AppealKind.None;
    }

    public Guid MinutesId { get; private set; }

    /// <summary>The § number in the organ's series for the year.</summary>
    public int Number { get; internal set; }

    public Guid? AgendaItemId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>"Dnr OMF-2023-185" as printed.</summary>
    public string? CaseNumber { get; private set; }

    public SectionKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Who presented the matter (information §§).</summary>
    public string? Presenter { get; private set; }

    /// <summary>The att-satser of the decision, each without its leading "att".</summary>
    public List<string> Decisions { get; private set; } = [];

    public List<string> DecisionBasis { get; private set; } = [];

    /// <summary>Redogörelse för ärendet: sanitized HTML (from the tjänsteskrivelse's summary).</summary>
    public string? AccountHtml { get; private set; }

    public List<string> SendTo { get; private set; } = [];

    /// <summary>Beslutsgång: the order in which the chair put the proposals.</summary>
    public string? PropositionOrder { get; private set; }

    public List<Proposal> Proposals { get; private set; } = [];

    public List<VoteRecord> Votes { get; private set; } = [];

    public List<Reservation> Reservations { get; private set; } = [];

    public List<MinutesNote> Notes { get; private set; } = [];

    public List<Disqualification> Disqualifications { get; private set; } = [];

    /// <summary>The dispatch log (expediering) of the decision to those in <see cref="SendTo"/>.</summary>
    public List<DispatchEntry> Dispatches { get; private set; } = [];

    /// <summary>Every recipient in <see cref="SendTo"/> has been sent the decision (by e-mail or by post).</summary>
    public bool IsDispatched => SendTo.Count > 0 && SendTo.All(to => Dispatches.Any(d => d.Recipient == to && d.Succeeded));

    /// <summary>Rule 14: the § is justerad at once at the meeting.</summary>
    public bool ImmediateApproval { get; private set; }

    /// <summary>The print of the § (a protokollsutdrag) its omedelbar justering signs, and its SHA-256.</summary>
    public Guid? ImmediateFileId { get; internal set; }

    public string? ImmediateSha256 { get; internal set; }

    /// <summary>The anslag of the § justerad at once (rule 14).</summary>
    public Guid? ImmediatePostingId { get; internal set; }

    /// <summary>When the omedelbar justering was complete; the § is locked from then.</summary>
    public DateTimeOffset? ImmediatelyApprovedAt { get; internal set; }

    public AppealKind Appeal { get; private set; }

    /// <summary>The OSL provision a § falls under: the public version shows only a placeholder naming it (rule 23).</summary>
    public string? SecrecyProvision { get; private set; }

    /// <summary>Rule 4, recorded: whether the board had quorum in the § (after jäv), and how many served.</summary>
    public bool QuorumMet { get; internal set; }

    public int ServingCount { get; internal set; }

    public bool IsLocked => ImmediatelyApprovedAt is not null;

    /// <summary>The proposals printed (rule 11: withdrawn ones are kept out).</summary>
    public IReadOnlyList<Proposal> StandingProposals => Proposals.Where(p => !p.Withdrawn).ToList();

    internal void Write(string title, IEnumerable<string>? decisions, IEnumerable<string>? decisionBasis, string? accountHtml, IEnumerable<string>? sendTo, string? propositionOrder, AppealKind appeal, string? secrecyProvision, bool immediateApproval)
    {
        Title = MinutesText.Required(title, 300, "Rubriken");
        Decisions = MinutesText.Lines(decisions, 50, 4000, "Beslutet");
        DecisionBasis = MinutesText.Lines(decisionBasis, 100, 500, "Beslutsunderlaget");
        AccountHtml = string.IsNullOrWhiteSpace(accountHtml) ? null : accountHtml;
        SendTo = MinutesText.Lines(sendTo, 50, 300, "Beslutet skickas till");
        PropositionOrder = MinutesText.Optional(propositionOrder, 8000, "Beslutsgången");
        Appeal = appeal;
        SecrecyProvision = MinutesText.Optional(secrecyProvision, 200, "Sekretessbestämmelsen");
        ImmediateApproval = immediateApproval;
    }
}

/// <summary>What a § starts from when the protokoll is drafted from the agenda.</summary>
public sealed record SectionDraft(
    Guid? AgendaItemId,
    SectionKind Kind,
    string Title,
    Guid? CaseId = null,
    string? CaseNumber = null,
    string? Presenter = null,
    IReadOnlyList<string>? Decisions = null,
    IReadOnlyList<string>? DecisionBasis = null,
    string? AccountHtml = null,
    IReadOnlyList<string>? SendTo = null,
    string? SecrecyProvision = null);
