namespace Nämndportal.Domain.Common;

/// <summary>An entity edited in forms: <see cref="Version"/> maps to PostgreSQL's xmin and guards against lost updates.</summary>
public interface IConcurrencyVersioned
{
    uint Version { get; }
}
