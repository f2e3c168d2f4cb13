using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// An organ within a revisor's audit scope (revisionsområde): the revisor reads the granskningsrapporter, answers,
/// actions and assignments of that organ, and changes nothing. Kept by the administrator.
/// </summary>
public sealed class AuditorScope : Entity
{
    private AuditorScope()
    {
    }

    public AuditorScope(Guid userId, Guid organId)
        : this()
    {
        UserId = userId;
        OrganId = organId;
    }

    public Guid UserId { get; private set; }

    public Guid OrganId { get; private set; }
}
