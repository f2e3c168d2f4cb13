using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// An organ's delegationsordning, versioned: adopted by a § of the organ ("SUN 2026-01-28 § 12") and valid from a date.
/// A newer version is valid from its own date and ends the one before the day earlier; decisions name the version they
/// were taken under, so an old version keeps its points. Points are edited only before the version is valid.
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

    public uint Version { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public DelegationPoint? Point(string code) => Points.FirstOrDefault(p => p.Code == (code ?? string.Empty).Trim());

    /// <summary>Adds or replaces the point with the same code. Refused once the version is in force (decisions rest on it).</summary>
    public void SetPoint(DelegationPoint point, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(point);
        EnsureEditable(today);
        Points.RemoveAll(p => p.Code == point.Code);
        Points.Add(point);
        Points.Sort((a, b) => CompareCodes(a.Code, b.Code));
    }

    public void RemovePoint(string code, DateOnly today)
    {
        EnsureEditable(today);
        if (Points.RemoveAll(p => p.Code == code) == 0)
        {
            throw new DomainException($"Punkt {code} finns inte i delegationsordningen.");
        }
    }

    /// <summary>Ends this version the day before <paramref name="successor"/> takes over.</summary>
    public void SupersedeBy(DelegationScheme successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        if (successor.OrganId != OrganId || successor.Number != Number + 1)
        {
            throw new DomainException("En ny version av delegationsordningen ersätter den närmast föregående för samma organ.");
        }

        if (successor.ValidFrom <= ValidFrom)
        {
            throw new DomainException($"Den nya versionen måste gälla från en dag efter {ValidFrom:yyyy-MM-dd}, då version {Number} började gälla.");
        }

        ValidTo = successor.ValidFrom.AddDays(-1);
    }

    private void EnsureEditable(DateOnly today)
    {
        if (ValidFrom <= today)
        {
            throw new DomainException(
                $"Version {Number} av delegationsordningen gäller sedan {ValidFrom:yyyy-MM-dd} och ändras inte. Anta en ny version för ändringar.");
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
