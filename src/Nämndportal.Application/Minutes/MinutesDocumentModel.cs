namespace Nämndportal.Application.Minutes;

/// <summary>Which print of a protokoll: the whole (for the signers and the archive), the public version, or one § as an extract.</summary>
public enum MinutesPrintKind
{
    Full,
    Public,
    Extract,
}

/// <summary>
/// A protokoll ready to print in the layout of domain.md §4: the first page's table, Bevis om anslagsdag, the table of
/// contents (page numbers filled in on the second pass), the information presented, and the §§ with the adjournments
/// between them. Built by <see cref="MinutesDocumentBuilder"/>; the template only lays it out.
/// </summary>
public sealed record MinutesDocumentModel
{
    public MinutesPrintKind Kind { get; init; }

    public string? Municipality { get; init; }

    public required string OrganName { get; init; }

    public required DateOnly MeetingDate { get; init; }

    /// <summary>"Sammanträdesrum Björken, klockan 12.55 – 15.18".</summary>
    public required string PlaceAndTime { get; init; }

    public IReadOnlyList<PersonLine> Deciding { get; init; } = [];

    public IReadOnlyList<PersonLine> OtherSubstitutes { get; init; } = [];

    public IReadOnlyList<PersonLine> Officials { get; init; } = [];

    public IReadOnlyList<PersonLine> Others { get; init; } = [];

    public string? Secretary { get; init; }

    public IReadOnlyList<string> Adjusters { get; init; } = [];

    public string? Chair { get; init; }

    /// <summary>The justering day when done, else the planned one; null when not set.</summary>
    public DateOnly? ApprovalDate { get; init; }

    /// <summary>"§ 61 – 65".</summary>
    public required string Paragraphs { get; init; }

    /// <summary>"Ordförande – Anna Andersson", "Justerande – Lars Ledamot": set once the protokoll is justerat.</summary>
    public IReadOnlyList<string> SignedBy { get; init; } = [];

    /// <summary>Bevis om anslagsdag: set once the anslag is up.</summary>
    public NoticeProof? Proof { get; init; }

    public IReadOnlyList<TocLine> Contents { get; init; } = [];

    public IReadOnlyList<Domain.Minutes.Presentation> Presentations { get; init; } = [];

    public IReadOnlyList<SectionPrint> Sections { get; init; } = [];

    /// <summary>"Omsorgsnämnden beslutar" before the att-satser.</summary>
    public required string DecisionIntro { get; init; }

    /// <summary>An extract's certification ("Utdragsbestyrkande"), with the secretary's name and the day.</summary>
    public string? Certification { get; init; }
}

/// <param name="Replaces">"Ersättare för": whom a serving ersättare replaces.</param>
public sealed record PersonLine(string Name, string? Role, string? Replaces = null);

public sealed record TocLine(int Number, string Title, int? Page);

public sealed record NoticeProof(DateOnly MeetingDate, DateOnly ApprovedOn, DateOnly UpOn, DateOnly DownOn, string KeptAt);

/// <summary>One § as printed. <see cref="Placeholder"/> set: the public version shows only that (rule 23).</summary>
public sealed record SectionPrint
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public string? CaseNumber { get; init; }

    /// <summary>Rule 23: "Paragrafen innehåller uppgifter som omfattas av sekretess enligt OSL 26 kap. 1 §."</summary>
    public string? Placeholder { get; init; }

    /// <summary>Who arrived, left or began serving from this § (rule 6), as sentences.</summary>
    public IReadOnlyList<string> AttendanceNotes { get; init; } = [];

    /// <summary>Jäv (rule 7), as sentences.</summary>
    public IReadOnlyList<string> Disqualifications { get; init; } = [];

    public string? QuorumNote { get; init; }

    public string? Presenter { get; init; }

    public IReadOnlyList<string> Decisions { get; init; } = [];

    public IReadOnlyList<string> DecisionBasis { get; init; } = [];

    /// <summary>The standing proposals (rule 11), "Lars Ledamot (M) yrkar avslag: …".</summary>
    public IReadOnlyList<string> Proposals { get; init; } = [];

    public string? PropositionOrder { get; init; }

    public IReadOnlyList<VotePrint> Votes { get; init; } = [];

    public IReadOnlyList<string> Reservations { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? AccountHtml { get; init; }

    public IReadOnlyList<string> SendTo { get; init; } = [];

    public string? Appeal { get; init; }

    /// <summary>"Paragrafen justerades omedelbart." (rule 14).</summary>
    public bool ImmediatelyApproved { get; init; }

    /// <summary>The adjournment after this §, "Sammanträdet ajourneras kl. 14.30–14.45.".</summary>
    public string? AdjournmentAfter { get; init; }
}

/// <param name="Lines">Each voter and answer, in an open vote; empty for a secret val.</param>
public sealed record VotePrint(string Heading, string JaMeans, string NejMeans, IReadOnlyList<(string Name, string Ballot)> Lines, string Result);

/// <summary>
/// A rättelse of a justerat protokoll as printed (rule 13): which protokoll and which § it corrects, the correction's text,
/// who wrote it, and the signature lines, or once justerad "Rättelsen har signerats digitalt av …" and Bevis om anslagsdag.
/// </summary>
public sealed record CorrectionDocumentModel
{
    public string? Municipality { get; init; }

    /// <summary>"Rättelse 1 av § 61".</summary>
    public required string Title { get; init; }

    public required string OrganName { get; init; }

    public required DateOnly MeetingDate { get; init; }

    /// <summary>The day the protokoll corrected was justerat.</summary>
    public DateOnly? MinutesApprovedOn { get; init; }

    /// <summary>The protokoll's §§, "§ 97 – 104".</summary>
    public required string Paragraphs { get; init; }

    /// <summary>"§ 61 – Budget 2027" or "Protokollet i sin helhet".</summary>
    public required string Concerns { get; init; }

    public required string Text { get; init; }

    public required string WrittenBy { get; init; }

    public required DateOnly WrittenOn { get; init; }

    public string? Chair { get; init; }

    public IReadOnlyList<string> Adjusters { get; init; } = [];

    /// <summary>"Ordförande – Anna Andersson": set once the correction is justerad.</summary>
    public IReadOnlyList<string> SignedBy { get; init; } = [];

    public NoticeProof? Proof { get; init; }
}
