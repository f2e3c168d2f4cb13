using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Protokoll and their §§. A line names the protokoll by organ and meeting date and a § by its number, never a title or a
/// decision's text (a closed § may name a person). Every change of a protokoll raises its revision, so each edit leaves a
/// line even when only its roll call or signatures (kept as JSON in the row) changed.
/// </summary>
internal sealed class MinutesAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        MeetingMinutes m => AuditDescription.Line(entry, nameof(MeetingMinutes), m.Id, null, $"Protokoll {m.OrganName} {m.MeetingDate:yyyy-MM-dd} ({Status(m.Status)})"),
        MinutesSection s => AuditDescription.Line(entry, nameof(MinutesSection), s.Id, s.CaseId, $"Protokollsparagraf § {s.Number}"),
        _ => null,
    };

    private static string Status(MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "utkast",
        MinutesStatus.ForApproval => "skickat för justering",
        MinutesStatus.Approved => "justerat",
        _ => status.ToString(),
    };
}
