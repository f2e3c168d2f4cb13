namespace Nämndportal.Domain.Meetings;

public enum AgendaCheckKind
{
    /// <summary>Rule 1: days left until the kallelse must go out (information while there is time).</summary>
    DaysLeft,

    /// <summary>Rule 1: the last day to send the kallelse has passed.</summary>
    NoticeLate,

    EmptyAgenda,

    /// <summary>A decision item whose case has no tjänsteskrivelse.</summary>
    NoOfficerReport,

    /// <summary>A decision item whose case is no longer "Klart för beslut" / "På föredragningslista".</summary>
    CaseNotReady,

    /// <summary>A handling in the pack still waiting for its PDF.</summary>
    DocumentConverting,

    /// <summary>A handling in the pack without a readable PDF (conversion failed, corrupt, encrypted): a placeholder page is printed.</summary>
    DocumentUnreadable,

    /// <summary>A secret handling in an item that is not closed.</summary>
    SecretInOpenItem,
}

/// <summary>One line of the checks beside the agenda. A warning asks for confirmation when the kallelse is sent; nothing blocks a save.</summary>
public sealed record AgendaCheck(AgendaCheckKind Kind, string Message, bool IsWarning, Guid? ItemId = null);
