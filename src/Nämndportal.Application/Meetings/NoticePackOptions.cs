namespace Nämndportal.Application.Meetings;

/// <summary>Settings of the kallelse pack's printing (section <c>Jobs:NoticePack</c>).</summary>
public sealed class NoticePackOptions
{
    public const string SectionName = "Jobs:NoticePack";

    /// <summary>
    /// A pause after each item while a pack job reports progress; zero in normal use. It lets the restart test cut a
    /// job off half-way, and a demonstration show the progress bar move.
    /// </summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.Zero;
}
