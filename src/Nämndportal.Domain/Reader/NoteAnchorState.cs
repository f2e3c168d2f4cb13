namespace Nämndportal.Domain.Reader;

/// <summary>Where a <see cref="MemberNote"/> on a handling stands after the handling got a new version.</summary>
/// <remarks>Stored by name.</remarks>
public enum NoteAnchorState
{
    /// <summary>On the page (and the version) it was made on.</summary>
    OnPage,

    /// <summary>Moved to a newer version, to the page where its quote now stands ("flyttad").</summary>
    Moved,

    /// <summary>The quote is gone from the newer version: left on its old page ("dokumentet har ändrats sedan anteckningen").</summary>
    DocumentChanged,
}
