using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// One control point (kontrollmoment) of an internal control plan: the risk, how it is checked, who checks it and when;
/// then the result, whether it found a deviation (avvikelse), and who recorded it on which day.
/// </summary>
public sealed record ControlPoint
{
    private ControlPoint()
    {
        Risk = string.Empty;
        Method = string.Empty;
        Responsible = string.Empty;
        When = string.Empty;
    }

    public ControlPoint(Guid id, string risk, string method, string responsible, string when)
        : this()
    {
        Id = id;
        Risk = InternalControlPlan.Text(risk, "Beskriv risken", 1000);
        Method = InternalControlPlan.Text(method, "Beskriv hur kontrollen görs", 1000);
        Responsible = InternalControlPlan.Text(responsible, "Ange vem som är ansvarig", 200);
        When = InternalControlPlan.Text(when, "Ange när kontrollen görs", 200);
    }

    public Guid Id { get; init; }

    public string Risk { get; init; }

    /// <summary>How the point is checked ("Stickprov på tio beslut").</summary>
    public string Method { get; init; }

    public string Responsible { get; init; }

    /// <summary>When it is checked, as the plan says it ("Mars och oktober").</summary>
    public string When { get; init; }

    public string? Result { get; init; }

    public bool Deviation { get; init; }

    public DateOnly? ResultOn { get; init; }

    public string? ResultBy { get; init; }

    public bool HasResult => Result is not null;
}

/// <summary>
/// An organ's internal control plan (internkontrollplan) for a year: control points with their results, reported to the
/// board as a case once the year's results are in. One plan per organ and year.
/// </summary>
public sealed class InternalControlPlan : Entity, IConcurrencyVersioned
{
    private InternalControlPlan()
    {
    }

    public InternalControlPlan(Guid organId, int year)
        : this()
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("Ange planens år.");
        }

        OrganId = organId;
        Year = year;
    }

    public Guid OrganId { get; private set; }

    public int Year { get; private set; }

    public List<ControlPoint> Points { get; private set; } = [];

    /// <summary>The case in which the results were reported to the board, once reported.</summary>
    public Guid? ReportCaseId { get; private set; }

    public uint Version { get; private set; }

    public bool IsReported => ReportCaseId is not null;

    public ControlPoint AddPoint(string risk, string method, string responsible, string when)
    {
        EnsureOpen();
        if (Points.Count >= 100)
        {
            throw new DomainException("Högst 100 kontrollmoment per plan.");
        }

        var point = new ControlPoint(Guid.CreateVersion7(), risk, method, responsible, when);
        Points.Add(point);
        return point;
    }

    /// <summary>Takes a point out of the plan (a mistake, or a risk no longer checked) while the plan is not reported.</summary>
    public void RemovePoint(Guid pointId)
    {
        EnsureOpen();
        if (Points.RemoveAll(p => p.Id == pointId) == 0)
        {
            throw new DomainException("Kontrollmomentet finns inte i planen.");
        }
    }

    /// <summary>Records (or corrects) a point's result before the plan is reported to the board.</summary>
    public void RecordResult(Guid pointId, string result, bool deviation, DateOnly on, string author)
    {
        EnsureOpen();
        var index = Points.FindIndex(p => p.Id == pointId);
        if (index < 0)
        {
            throw new DomainException("Kontrollmomentet finns inte i planen.");
        }

        Points[index] = Points[index] with
        {
            Result = Text(result, "Skriv kontrollens resultat", 4000),
            Deviation = deviation,
            ResultOn = on,
            ResultBy = Text(author, "Ange vem som registrerade resultatet", 200),
        };
    }

    /// <summary>The results go to the board in <paramref name="caseId"/>; every point needs its result first.</summary>
    public void ReportToBoard(Guid caseId)
    {
        EnsureOpen();
        if (Points.Count == 0)
        {
            throw new DomainException("Planen har inga kontrollmoment att rapportera.");
        }

        var missing = Points.Count(p => !p.HasResult);
        if (missing > 0)
        {
            throw new DomainException($"{missing} kontrollmoment saknar resultat. Registrera alla resultat innan uppföljningen rapporteras till nämnden.");
        }

        ReportCaseId = caseId;
    }

    /// <summary>The report's text for the case: each point, its result and the deviations found.</summary>
    public string Summary(string organName)
    {
        var lines = new List<string>
        {
            $"Uppföljning av {organName}s internkontrollplan {Year}",
            string.Empty,
            $"{Points.Count} kontrollmoment har följts upp; {Points.Count(p => p.Deviation)} visade avvikelser.",
        };
        var number = 0;
        foreach (var point in Points)
        {
            number++;
            lines.Add(string.Empty);
            lines.Add($"{number}. {point.Risk}");
            lines.Add($"Kontroll: {point.Method} ({point.When}, ansvarig {point.Responsible})");
            lines.Add($"Resultat: {point.Result}{(point.Deviation ? " – avvikelse" : string.Empty)}");
        }

        return string.Join('\n', lines);
    }

    internal static string Text(string? value, string missing, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? throw new DomainException($"{missing} (högst {max} tecken).") : value.Trim();

    private void EnsureOpen()
    {
        if (IsReported)
        {
            throw new DomainException($"Uppföljningen av internkontrollplanen {Year} är rapporterad till nämnden och ändras inte.");
        }
    }
}
