using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// An organ's delegationsordning, versioned: adopted by a § of the organ ("SUN 2026-01-28 § 12") and valid from a date.
/// A version is written as a draft (utkast), its points added and changed, and then fastställd: from then on its points
/// are frozen, decisions may rest on it, and it ends the version before it the day before its own first day. Decisions
/// name the version they were taken under, so an old version keeps its points.
/// </summary>
public sealed class DelegationScheme : Entity, IConcurrencyVersioned
{
    private DelegationScheme()
    {
        AdoptedBy = string.Empty;
    }

    public DelegationScheme(Guid organId, int version, string adoptedBy, DateOnly validFrom)
        : this()
    {
        if (version < 1)
        {
            throw new DomainException("Delegationsordningens version börjar på 1.");
        }

        OrganId = organId;
        Number = version;
        AdoptedBy = string.IsNullOrWhiteSpace(adoptedBy) || adoptedBy.Trim().Length > 200
            ? throw new DomainException("Ange beslutet som antog delegationsordningen, till exempel ”SUN 2026-01-28 § 12” (högst 200 tecken).")
            : adoptedBy.Trim();
        ValidFrom = validFrom;
    }

    public Guid OrganId { get; private set; }

    /// <summary>1, 2, …: the organ's versions in order.</summary>
    public int Number { get; private set; }

    /// <summary>The § that adopted it: "SUN 2026-01-28 § 12".</summary>
    public string AdoptedBy { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day it applied, once a newer version replaced it.</summary>
    public DateOnly? ValidTo { get; private set; }

    public List<DelegationPoint> Points { get; private set; } = [];

    /// <summary>When the version was fastställd (entered as adopted); null while it is a draft.</summary>
    public DateTimeOffset? EstablishedAt { get; private set; }

    public bool IsDraft => EstablishedAt is null;

    public uint Version { get; private set; }

    /// <summary>Whether decisions taken on <paramref name="date"/> rest on this version: fastställd and valid that day.</summary>
    public bool IsValidOn(DateOnly date) => !IsDraft && ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public DelegationPoint? Point(string code) => Points.FirstOrDefault(p => p.Code == (code ?? string.Empty).Trim());

    /// <summary>Adds or replaces the point with the same code. Refused once the version is fastställd (decisions rest on it).</summary>
    public void SetPoint(DelegationPoint point, string? replacing = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        EnsureDraft();
        var old = string.IsNullOrWhiteSpace(replacing) ? point.Code : replacing.Trim();
        if (old != point.Code && Point(point.Code) is not null)
        {
            throw new DomainException($"Punkt {point.Code} finns redan i version {Number}.");
        }

        Points.RemoveAll(p => p.Code == old || p.Code == point.Code);
        Points.Add(point);
        Points.Sort((a, b) => CompareCodes(a.Code, b.Code));
    }

    public void RemovePoint(string code)
    {
        EnsureDraft();
        if (Points.RemoveAll(p => p.Code == (code ?? string.Empty).Trim()) == 0)
        {
            throw new DomainException($"Punkt {code} finns inte i delegationsordningen.");
        }
    }

    /// <summary>Changes what the draft says about its adoption and first day.</summary>
    public void Describe(string adoptedBy, DateOnly validFrom)
    {
        EnsureDraft();
        AdoptedBy = string.IsNullOrWhiteSpace(adoptedBy) || adoptedBy.Trim().Length > 200
            ? throw new DomainException("Ange beslutet som antog delegationsordningen, till exempel ”SUN 2026-01-28 § 12” (högst 200 tecken).")
            : adoptedBy.Trim();
        ValidFrom = validFrom;
    }

    /// <summary>A draft of the next version with this version's points, to be changed and fastställd.</summary>
    public DelegationScheme DraftSuccessor(string adoptedBy, DateOnly validFrom)
    {
        var next = new DelegationScheme(OrganId, Number + 1, adoptedBy, validFrom);
        next.Points.AddRange(Points);
        return next;
    }

    /// <summary>
    /// Fastställer the draft: its points are frozen from now on, and <paramref name="previous"/> (the version before it,
    /// null for the first) ends the day before this one's first day.
    /// </summary>
    public void Establish(DelegationScheme? previous, DateTimeOffset at)
    {
        EnsureDraft();
        if (Points.Count == 0)
        {
            throw new DomainException($"Version {Number} har inga punkter. Lägg till punkterna innan den fastställs.");
        }

        if (previous is null)
        {
            if (Number != 1)
            {
                throw new DomainException($"Version {Number} ersätter version {Number - 1}, som måste vara fastställd först.");
            }
        }
        else
        {
            if (previous.OrganId != OrganId || previous.Number != Number - 1 || previous.IsDraft)
            {
                throw new DomainException("En ny version av delegationsordningen ersätter den närmast föregående fastställda versionen för samma organ.");
            }

            if (ValidFrom <= previous.ValidFrom)
            {
                throw new DomainException($"Den nya versionen måste gälla från en dag efter {previous.ValidFrom:yyyy-MM-dd}, då version {previous.Number} började gälla.");
            }

            previous.ValidTo = ValidFrom.AddDays(-1);
        }

        EstablishedAt = at;
    }

    private void EnsureDraft()
    {
        if (!IsDraft)
        {
            throw new DomainException(
                $"Version {Number} av delegationsordningen är fastställd och ändras inte. Gör en ny version för ändringar.");
        }
    }

    /// <summary>As <see cref="CompareCodes"/>, with an empty code (no point) first.</summary>
    public static int CompareCodesOrEmpty(string? a, string? b) =>
        string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b) ? string.IsNullOrEmpty(a).CompareTo(string.IsNullOrEmpty(b)) * -1 : CompareCodes(a, b);

    /// <summary>"3.10" after "3.2": codes compared number by number.</summary>
    public static int CompareCodes(string a, string b)
    {
        var x = (a ?? string.Empty).Split('.');
        var y = (b ?? string.Empty).Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = int.Parse(x[i], System.Globalization.CultureInfo.InvariantCulture).CompareTo(int.Parse(y[i], System.Globalization.CultureInfo.InvariantCulture));
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
