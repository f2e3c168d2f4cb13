namespace Nämndportal.Domain.Meetings;

public enum MeetingStatus
{
    Planerat,
    KallelseSkickad,
    Genomfort,
    Installt,
}
