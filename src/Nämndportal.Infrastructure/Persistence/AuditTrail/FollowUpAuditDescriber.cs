using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Audit;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// Granskningsrapporter, their recommendations and answers, actions, assignments and reminders (issue 13). A line names
/// the report by title, a recommendation by number, an action or assignment by its status and due date; the text of a
/// position or note is not quoted.
/// </summary>
internal sealed class FollowUpAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        AuditReport r => AuditDescription.Line(entry, nameof(AuditReport), r.Id, null, $"Granskningsrapport {r.Title} ({r.ReportedOn:yyyy-MM-dd})"),
        AuditRecommendation r => AuditDescription.Line(entry, nameof(AuditRecommendation), r.Id, null, $"Rekommendation {r.Number}"),
        AuditAnswer a => AuditDescription.Line(entry, nameof(AuditAnswer), a.Id, a.CaseId, $"Yttrande över granskningsrapport{(a.DecidedIn is { } d ? $", beslutat {d}" : string.Empty)}",
            entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified ? WithCollections(entry) : null),
        FollowUpAction a => AuditDescription.Line(entry, nameof(FollowUpAction), a.Id, null, $"Åtgärd ({a.Status.SwedishName()}{Due(a)})",
            entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified ? WithCollections(entry) : null),
        Assignment a => AuditDescription.Line(entry, nameof(Assignment), a.Id, a.CaseId, $"Uppdrag från {a.Reference} ({a.Status.SwedishName()}{Due(a)})",
            entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified ? WithCollections(entry) : null),
        DueDateReminder r => AuditDescription.Line(entry, nameof(DueDateReminder), r.Id, null,
            $"Påminnelse {(r.Kind == ReminderKind.Before ? "före" : "efter")} {r.DueOn:yyyy-MM-dd}"),
        InternalControlPlan p => AuditDescription.Line(entry, nameof(InternalControlPlan), p.Id, p.ReportCaseId,
            $"Internkontrollplan {p.Year} ({p.Points.Count} kontrollmoment{(p.IsReported ? ", rapporterad till nämnden" : string.Empty)})",
            entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified ? WithCollections(entry) : null),
        AuditorScope a => AuditDescription.Line(entry, nameof(AuditorScope), a.Id, null, "Revisors granskningsområde"),
        _ => null,
    };

    private static string Due(FollowUpItem item) => item.DueOn is { } due ? $", klart senast {due:yyyy-MM-dd}" : string.Empty;

    private static List<string> WithCollections(EntityEntry entry)
    {
        var fields = AuditDescription.ChangedFields(entry).ToList();
        fields.AddRange(entry.ComplexCollections.Where(c => c.IsModified).Select(c => c.Metadata.Name).Except(fields));
        return fields;
    }
}
