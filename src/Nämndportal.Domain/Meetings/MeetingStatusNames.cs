namespace Nämndportal.Domain.Meetings;

public static class MeetingStatusNames
{
    public static string Name(MeetingStatus status) => status switch
    {
        MeetingStatus.Planerat => "Planerat",
        MeetingStatus.KallelseSkickad => "Kallelse skickad",
        MeetingStatus.Pagar => "Pågår",
        MeetingStatus.Genomfort => "Genomfört",
        MeetingStatus.Installt => "Inställt",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
