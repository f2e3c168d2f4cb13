namespace Nämndportal.Domain.Cases;

/// <summary>
/// What anything public (the anslagstavla, a published protokoll, a public diarium) may show of a handling: its number,
/// direction and date always; its sender or recipient and its description only when neither the hide-publicly flags
/// (domain rule 21) nor a sekretessmarkering hold them back. Build it with <see cref="CaseDocument.PublicView"/>, the one
/// way a public page gets a handling.
/// </summary>
/// <param name="Counterpart">Sender or recipient, <see cref="Withheld"/> when held back, null when there is none.</param>
/// <param name="Description">The short description, or <see cref="Withheld"/>.</param>
public sealed record PublicDocumentView(int Ordinal, DocumentDirection Direction, DateOnly DocumentDate, string? Counterpart, string Description)
{
    /// <summary>What a public page shows in place of what it may not show.</summary>
    public const string Withheld = "(sekretess)";
}
