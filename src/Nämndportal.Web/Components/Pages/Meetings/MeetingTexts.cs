using Nämndportal.Domain.Meetings;

namespace Nämndportal.Web.Components.Pages.Meetings;

/// <summary>The meeting page's Swedish names for item kinds and document states (statuses: <see cref="MeetingStatusNames"/>).</summary>
public static class MeetingTexts
{
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
