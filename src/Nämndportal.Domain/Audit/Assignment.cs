using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// An assignment (uppdrag) a § gives the administration ("uppdrar åt förvaltningen att …"): linked to the § and its case,
/// listed per organ as "Fattade politiska beslut" with its status and comment.
/// </summary>
public sealed class Assignment : FollowUpItem
{
    private Assignment()
    {
        Reference = string.Empty;
        Task = string.Empty;
    }

    public Assignment(Guid organId, Guid sectionId, Guid? caseId, string reference, string task, string responsible, Guid? responsibleUserId, DateOnly? dueOn)
        : this()
    {
        OrganId = organId;
        SectionId = sectionId;
        CaseId = caseId;
        Reference = string.IsNullOrWhiteSpace(reference) ? throw new DomainException("Ange beslutet uppdraget kommer från.") : reference.Trim();
        Describe(task, null);
        Assign(responsible, responsibleUserId, dueOn);
    }

    public Guid OrganId { get; private set; }

    /// <summary>The § of the protokoll the assignment comes from.</summary>
    public Guid SectionId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>How the list names the decision: "SUN 2026-10-14 § 98".</summary>
    public string Reference { get; private set; }

    /// <summary>The task, as the decision gave it.</summary>
    public string Task { get; private set; }

    /// <summary>The comment the list prints beside the status.</summary>
    public string? Comment { get; private set; }

    public void Describe(string task, string? comment)
    {
        Task = string.IsNullOrWhiteSpace(task) || task.Trim().Length > 2000 ? throw new DomainException("Beskriv uppdraget (högst 2000 tecken).") : task.Trim();
        Comment = string.IsNullOrWhiteSpace(comment) ? null
            : comment.Trim().Length > 2000 ? throw new DomainException("Kommentaren får ha högst 2000 tecken.") : comment.Trim();
    }
}
