using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>A link between two related cases (shown on both). Stored once per pair, the smaller id first.</summary>
public sealed class CaseLink : Entity, ICaseOwned
{
    private CaseLink()
    {
    }

    public CaseLink(Guid caseId, Guid otherCaseId, string? note)
    {
        if (caseId == otherCaseId)
        {
            throw new DomainException("Ett ärende kan inte länkas till sig självt.");
        }

        (FirstCaseId, SecondCaseId) = caseId.CompareTo(otherCaseId) < 0 ? (caseId, otherCaseId) : (otherCaseId, caseId);
        CaseId = caseId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>The case the link was made from (for the audit trail).</summary>
    public Guid CaseId { get; private set; }

    public Guid FirstCaseId { get; private set; }

    public Guid SecondCaseId { get; private set; }

    public string? Note { get; private set; }

    public Guid Other(Guid caseId) => caseId == FirstCaseId ? SecondCaseId : FirstCaseId;
}
