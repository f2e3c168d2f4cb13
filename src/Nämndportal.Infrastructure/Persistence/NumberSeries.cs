namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// The last number given out in one series and calendar year (table number_series): diarienummer per prefix
/// (<c>diarienummer:OMF</c>), §§ per paragraph series (<c>paragraf:OMN</c>), and any later series. Taken only through
/// <see cref="AppDbContext.TakeNumbersAsync"/>, one atomic statement.
/// </summary>
public sealed class NumberSeries
{
    public string Series { get; set; } = string.Empty;

    public int Year { get; set; }

    public int LastNumber { get; set; }
}
