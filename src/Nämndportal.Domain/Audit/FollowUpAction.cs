using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// An action (åtgärd) an organ takes on a recommendation, as part of its answer: what is done, by whom, by when, and how
/// it goes.
/// </summary>
public sealed class FollowUpAction : FollowUpItem
{
    private FollowUpAction()
    {
        Description = string.Empty;
    }

    public FollowUpAction(Guid answerId, Guid recommendationId, string description, string responsible, Guid? responsibleUserId, DateOnly? dueOn)
        : this()
    {
        AnswerId = answerId;
        RecommendationId = recommendationId;
        Describe(description);
        Assign(responsible, responsibleUserId, dueOn);
    }

    public Guid AnswerId { get; private set; }

    public Guid RecommendationId { get; private set; }

    public string Description { get; private set; }

    public void Describe(string description) =>
        Description = string.IsNullOrWhiteSpace(description) || description.Trim().Length > 2000
            ? throw new DomainException("Beskriv åtgärden (högst 2000 tecken).")
            : description.Trim();
}
