using Nämndportal.Application.Pdf;

namespace Nämndportal.Application.Reader;

/// <summary>A member's own notes as printed by <see cref="ExportMyNotesJob"/>: per meeting, per item, each note with where it stands.</summary>
public sealed record MyNotesDocumentModel(string AuthorName, DateTimeOffset PrintedAt, IReadOnlyList<MyNotesMeeting> Meetings)
{
    public PdfLayout Layout() => new(
        "Mina anteckningar",
        "Mina anteckningar",
        AuthorName,
        $"Privata anteckningar, utskrivna {Domain.Common.SwedishTime.ToLocal(PrintedAt):yyyy-MM-dd HH.mm}");
}

public sealed record MyNotesMeeting(string OrganName, DateOnly Date, IReadOnlyList<MyNotesItem> Items);

/// <param name="Number">The item's number on the agenda; null when the item has since been taken off it.</param>
public sealed record MyNotesItem(int? Number, string Title, IReadOnlyList<MyNotesEntry> Notes);

/// <param name="Where">"Handling 3, sida 2", "Tjänsteskrivelse, sida 1", or "Punkten".</param>
/// <param name="AnchorText">"Flyttad …" or "Dokumentet har ändrats sedan anteckningen"; null when on its page.</param>
public sealed record MyNotesEntry(string Where, string? Quote, string Text, string? AnchorText, DateTimeOffset UpdatedAt);
