using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// One handling an agenda item puts in the kallelse pack, in <see cref="Position"/> order: either the case's
/// tjänsteskrivelse (<see cref="IsOfficerReport"/>) or one of the case's handlingar (<see cref="CaseDocumentId"/>).
/// </summary>
public sealed class AgendaItemDocument : Entity
{
    private AgendaItemDocument()
    {
    }

    private AgendaItemDocument(Guid agendaItemId, Guid? caseDocumentId, int position)
    {
        AgendaItemId = agendaItemId;
        CaseDocumentId = caseDocumentId;
        Position = position;
    }

    public Guid AgendaItemId { get; private set; }

    /// <summary>The handling; null for the tjänsteskrivelse, which is printed from the case's <c>OfficerReport</c>.</summary>
    public Guid? CaseDocumentId { get; private set; }

    public bool IsOfficerReport => CaseDocumentId is null;

    public int Position { get; internal set; }

    internal static AgendaItemDocument OfficerReport(Guid agendaItemId, int position) => new(agendaItemId, null, position);

    internal static AgendaItemDocument Handling(Guid agendaItemId, Guid caseDocumentId, int position) => new(agendaItemId, caseDocumentId, position);
}
