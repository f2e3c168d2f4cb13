using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>An employee attached to an organ: its nämndsekreterare, förvaltningschef or a handläggare.</summary>
public sealed class OrganOfficial : Entity
{
    private OrganOfficial()
    {
    }

    public OrganOfficial(Guid userId, Guid organId, OfficialFunction function)
    {
        UserId = userId;
        OrganId = organId;
        Function = function;
    }

    public Guid UserId { get; private set; }

    public Guid OrganId { get; private set; }

    public OfficialFunction Function { get; private set; }
}
