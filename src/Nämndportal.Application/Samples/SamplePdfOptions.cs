namespace Nämndportal.Application.Samples;

public sealed class SamplePdfOptions
{
    public const string SectionName = "Jobs:SamplePdf";

    /// <summary>How many agenda items the sample has; each is rendered as its own step.</summary>
    public int Sections { get; set; } = 6;

    /// <summary>A pause between steps, so that progress can be watched (and a restart mid-way tested). Zero in production.</summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.Zero;
}
