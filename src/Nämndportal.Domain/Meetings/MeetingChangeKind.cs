namespace Nämndportal.Domain.Meetings;

/// <summary>What a <see cref="MeetingChangeNotice"/> tells those already called.</summary>
public enum MeetingChangeKind
{
    /// <summary>Flyttat: a new time or place.</summary>
    Moved,

    /// <summary>Inställt, with the reason.</summary>
    Cancelled,
}
