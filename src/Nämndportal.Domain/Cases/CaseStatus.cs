namespace Nämndportal.Domain.Cases;

/// <summary>An ärende's life: registered, prepared, ready, on an agenda, decided, dispatched, closed.</summary>
public enum CaseStatus
{
    Registrerat,
    UnderBeredning,
    KlartForBeslut,
    PaForedragningslista,
    Beslutat,
    Expedierat,
    Avslutat,

    /// <summary>Återremitterat: sent back by the meeting for more preparation.</summary>
    Aterremitterat,

    /// <summary>Bordlagt: postponed to a later meeting.</summary>
    Bordlagt,
}
