namespace Nämndportal.Infrastructure.Persistence;

/// <summary>The last running number given out for a diarienummer prefix and year (table case_number_series).</summary>
public sealed class CaseNumberSeries
{
    public string Prefix { get; set; } = string.Empty;

    public int Year { get; set; }

    public int LastNumber { get; set; }
}
