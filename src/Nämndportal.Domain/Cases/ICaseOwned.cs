namespace Nämndportal.Domain.Cases;

/// <summary>Something that belongs to one case; its changes are recorded in the audit trail under that case.</summary>
public interface ICaseOwned
{
    Guid CaseId { get; }
}
