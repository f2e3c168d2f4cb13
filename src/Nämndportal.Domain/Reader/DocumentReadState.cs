namespace Nämndportal.Domain.Reader;

/// <summary>A user's state of reading one handling.</summary>
public enum DocumentReadState
{
    /// <summary>"oläst": no version read.</summary>
    Unread,

    /// <summary>"läst": the newest version read.</summary>
    Read,

    /// <summary>"ändrad sedan du läste": an older version read, a newer one has come.</summary>
    ChangedSinceRead,
}
