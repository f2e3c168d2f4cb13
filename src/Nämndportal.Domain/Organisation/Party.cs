using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>A political party: the eight national parties are preloaded, local parties are added by the administrator.</summary>
public sealed class Party : Entity
{
    private Party()
    {
        Abbreviation = string.Empty;
        Name = string.Empty;
    }

    public Party(string abbreviation, string name, bool isLocal)
    {
        if (string.IsNullOrWhiteSpace(abbreviation) || abbreviation.Trim().Length > 12)
        {
            throw new DomainException("Partiets förkortning måste ha 1–12 tecken.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Partiet måste ha ett namn.");
        }

        Abbreviation = abbreviation.Trim();
        Name = name.Trim();
        IsLocal = isLocal;
    }

    public string Abbreviation { get; private set; }

    public string Name { get; private set; }

    public bool IsLocal { get; private set; }

    public static IReadOnlyList<Party> National() =>
    [
        new("S", "Socialdemokraterna", false),
        new("M", "Moderaterna", false),
        new("SD", "Sverigedemokraterna", false),
        new("C", "Centerpartiet", false),
        new("V", "Vänsterpartiet", false),
        new("KD", "Kristdemokraterna", false),
        new("L", "Liberalerna", false),
        new("MP", "Miljöpartiet de gröna", false),
    ];
}
