namespace Nämndportal.Domain.Meetings;

public enum CalendarFeedScope
{
    /// <summary>All meetings of one organ.</summary>
    Organ,

    /// <summary>The owner's own meetings: every organ whose handlingar they may read on the meeting's date.</summary>
    MyMeetings,
}
