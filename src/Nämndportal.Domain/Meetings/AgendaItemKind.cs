namespace Nämndportal.Domain.Meetings;

/// <summary>What an agenda item is: a standing item, a decision on a case, information, or an election.</summary>
public enum AgendaItemKind
{
    /// <summary>Standardpunkt: from the organ's template (Val av justerare, Anmälan av extra ärenden, …).</summary>
    Standard,

    /// <summary>Beslutsärende: decides one case that was "Klart för beslut".</summary>
    Decision,

    /// <summary>Informationsärende: someone presents; nothing is decided.</summary>
    Information,

    /// <summary>Val: an election.</summary>
    Election,
}
