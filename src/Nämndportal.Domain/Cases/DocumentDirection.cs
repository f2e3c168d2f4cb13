namespace Nämndportal.Domain.Cases;

/// <summary>Whether a handling came in to the authority (inkommen) or was drawn up by it (upprättad), TF 2 kap.</summary>
public enum DocumentDirection
{
    Inkommen,
    Upprattad,
}
