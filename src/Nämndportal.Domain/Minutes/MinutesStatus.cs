namespace Nämndportal.Domain.Minutes;

/// <summary>Where a protokoll is in its life. Stored by name.</summary>
public enum MinutesStatus
{
    /// <summary>Utkast: written during and after the meeting; everything can change.</summary>
    Draft,

    /// <summary>Klart för justering: one exact PDF is out for signing; the text is frozen until it is taken back.</summary>
    ForApproval,

    /// <summary>Justerat: every signer approved the same PDF (rule 13); it never changes again.</summary>
    Approved,
}

/// <summary>What kind of § this is, taken from the agenda item it records.</summary>
public enum SectionKind
{
    Standard,
    Decision,
    Information,
    Election,
}

/// <summary>The motions of rule 11 (yrkanden).</summary>
public enum ProposalKind
{
    /// <summary>Bifall: to approve the proposal before the board.</summary>
    Approve,

    /// <summary>Avslag: to reject it.</summary>
    Reject,

    /// <summary>Ändring: to decide otherwise.</summary>
    Amend,

    /// <summary>Tillägg: an added att-sats.</summary>
    Add,

    /// <summary>Återremiss: to send the case back for more preparation.</summary>
    Refer,

    /// <summary>Bordläggning: to postpone it to a later meeting.</summary>
    Postpone,
}

/// <summary>How a decision can be appealed, printed with the §.</summary>
public enum AppealKind
{
    /// <summary>Not appealable (or nothing decided): nothing is printed.</summary>
    None,

    /// <summary>Laglighetsprövning, KL 13 kap.</summary>
    LegalityReview,

    /// <summary>Förvaltningsbesvär, FL 40–47 §§.</summary>
    AdministrativeAppeal,
}

public enum AttendeeKind
{
    /// <summary>Ledamot (including the chair and vice chairs).</summary>
    Member,

    /// <summary>Ersättare.</summary>
    Substitute,

    /// <summary>Tjänsteman: name and title.</summary>
    Official,

    /// <summary>Övrig: anyone else present (auditors, invited guests).</summary>
    Other,
}

public enum AttendanceChangeKind
{
    /// <summary>Ankommer: present from the §. An ersättare may serve for an absent ledamot at once.</summary>
    Arrives,

    /// <summary>Lämnar: gone from the § and, by rule 6, for the rest of the day.</summary>
    Leaves,

    /// <summary>Går in och tjänstgör: a present ersättare serves for a ledamot from the §.</summary>
    StartsServing,

    /// <summary>Går ur: an ersättare stops serving from the § (stays present).</summary>
    StopsServing,
}

/// <summary>Whose signature an approval is.</summary>
public enum SignerRole
{
    /// <summary>Ordförande: the one who chaired the meeting.</summary>
    Chair,

    /// <summary>Justerare.</summary>
    Adjuster,
}
