namespace Nämndportal.Domain.Common;

/// <summary>
/// Base of every stored entity: a time-ordered id and who created and last changed it, when.
/// The audit fields are filled by the persistence layer from the signed-in user and the clock.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTimeOffset? ModifiedAt { get; private set; }

    public string? ModifiedBy { get; private set; }
}
