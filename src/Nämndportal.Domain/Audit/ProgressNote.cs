using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>A dated note on how an action or assignment is going (lägesanteckning), with who wrote it.</summary>
public sealed record ProgressNote
{
    private ProgressNote()
    {
        Author = string.Empty;
        Text = string.Empty;
    }

    public ProgressNote(DateOnly writtenOn, string author, string text)
        : this()
    {
        WrittenOn = writtenOn;
        Author = string.IsNullOrWhiteSpace(author) ? throw new DomainException("Ange vem som skrev anteckningen.") : author.Trim();
        Text = string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000
            ? throw new DomainException("Skriv anteckningen (högst 2000 tecken).")
            : text.Trim();
    }

    public DateOnly WrittenOn { get; init; }

    public string Author { get; init; }

    public string Text { get; init; }
}
