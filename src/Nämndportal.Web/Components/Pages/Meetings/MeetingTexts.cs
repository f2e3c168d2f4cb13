using Nämndportal.Domain.Meetings;

namespace Nämndportal.Web.Components.Pages.Meetings;

/// <summary>The meeting page's Swedish names for statuses and item kinds.</summary>
public static class MeetingTexts
{
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planerat => "Planerat",
        MeetingStatus.KallelseSkickad => "Kallelse skickad",
        MeetingStatus.Pagar => "Pågår",
        MeetingStatus.Genomfort => "Genomfört",
        MeetingStatus.Installt => "Inställt",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Kind(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Standard => "Standardpunkt",
        AgendaItemKind.Decision => "Beslutsärende",
        AgendaItemKind.Information => "Informationsärende",
        AgendaItemKind.Election => "Val",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string State(AgendaDocumentState state) => state switch
    {
        AgendaDocumentState.Ready => "PDF klar",
        AgendaDocumentState.Converting => "Konverteras till PDF",
        AgendaDocumentState.Unreadable => "Kan inte läsas som PDF",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
