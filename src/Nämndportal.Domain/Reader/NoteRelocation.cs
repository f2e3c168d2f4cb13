namespace Nämndportal.Domain.Reader;

/// <summary>Where <see cref="NoteAnchoring.Relocate"/> puts a note in a new version: a 1-based page and the state it ends in.</summary>
public sealed record NoteRelocation(int Page, NoteAnchorState State);
