namespace Nämndportal.Domain.Meetings;

/// <summary>A report the portal prints as a standard item's document in the kallelse pack, from the registers (issue 12).</summary>
public enum AgendaReport
{
    None,

    /// <summary>Redovisning av delegationsbeslut: the decisions put on this meeting's report.</summary>
    DelegatedDecisions,

    /// <summary>Redovisning av meddelanden: the meddelanden put on this meeting's report.</summary>
    Messages,
}
