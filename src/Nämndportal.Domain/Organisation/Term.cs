using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>A mandatperiod: the four years (normally) between elections that memberships belong to.</summary>
public sealed class Term : Entity, IConcurrencyVersioned
{
    private Term()
    {
        Name = string.Empty;
    }

    public Term(string name, DateOnly startsOn, DateOnly endsOn)
        : this()
    {
        Update(name, startsOn, endsOn);
    }

    public string Name { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public uint Version { get; private set; }

    public bool Contains(DateOnly date) => date >= StartsOn && date <= EndsOn;

    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => startsOn <= EndsOn && endsOn >= StartsOn;

    public void Update(string name, DateOnly startsOn, DateOnly endsOn)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Mandatperioden måste ha ett namn, till exempel 2023–2026.");
        }

        if (endsOn < startsOn)
        {
            throw new DomainException("Mandatperioden kan inte sluta före den börjar.");
        }

        Name = name.Trim();
        StartsOn = startsOn;
        EndsOn = endsOn;
    }
}
