using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Meetings, their agenda and kallelse versions. Lines name the meeting by organ and date and an item by its number,
/// never an item's title (a closed item's title may name a person). A recipient's delivery state is the sending's own
/// log (NoticeRecipient), not a change anyone made, so it is not repeated here.
/// </summary>
internal sealed class MeetingAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        // AgendaRevision only marks that the agenda changed; the item's own line says how.
        Meeting m => AuditDescription.Line(
            entry, nameof(Meeting), m.Id, null, $"Sammanträde {lookup.MeetingName(m.Id)}",
            AuditDescription.ChangedFields(entry).Where(f => f != nameof(Meeting.AgendaRevision)).ToList()),
        AgendaItem i => AuditDescription.Line(entry, nameof(AgendaItem), i.Id, i.CaseId, $"Föredragningslista: {Capitalised(lookup.AgendaItemName(i.Id))}"),
        AgendaItemDocument d => AuditDescription.Line(
            entry, nameof(AgendaItemDocument), d.Id, null,
            $"Handling i kallelsen för {lookup.AgendaItemName(d.AgendaItemId)}{(d.IsOfficerReport ? " (tjänsteskrivelsen)" : string.Empty)}"),
        NoticeVersion v => AuditDescription.Line(entry, nameof(NoticeVersion), v.Id, null, $"Kallelse version {v.Number} till {lookup.MeetingName(v.MeetingId)}"),
        MeetingChangeNotice c => AuditDescription.Line(
            entry, nameof(MeetingChangeNotice), c.Id, null,
            $"Besked till de kallade: {lookup.MeetingName(c.MeetingId)} {(c.Kind == MeetingChangeKind.Cancelled ? "inställt" : "flyttat")}"),
        _ => null,
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
