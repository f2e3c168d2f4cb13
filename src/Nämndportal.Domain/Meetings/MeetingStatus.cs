namespace Nämndportal.Domain.Meetings;

/// <summary>
/// A meeting's life: planned, kallelse sent, in session, held. Cancelled (Inställt) is reachable from the first two
/// only: a meeting that has begun is adjourned or closed in the protokoll, not cancelled.
/// </summary>
public enum MeetingStatus
{
    Planerat,
    KallelseSkickad,

    /// <summary>Pågår: the meeting is in session.</summary>
    Pagar,

    /// <summary>Genomfört: the meeting is closed; the protokoll follows.</summary>
    Genomfort,

    /// <summary>Inställt: cancelled, with the reason told to everyone already called.</summary>
    Installt,
}
