using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Reader;

/// <summary>
/// A <see cref="MemberNote"/> its author lets one named member of the same organ read (read only). Withdrawing the share
/// deletes it. Who may be chosen (a member of the organ on the meeting's date) is checked where the share is made.
/// </summary>
public sealed class NoteShare : Entity
{
    private NoteShare()
    {
    }

    public NoteShare(Guid noteId, Guid sharedWithUserId, DateTimeOffset sharedAt)
    {
        NoteId = noteId;
        SharedWithUserId = sharedWithUserId;
        SharedAt = sharedAt;
    }

    public Guid NoteId { get; private set; }

    public Guid SharedWithUserId { get; private set; }

    public DateTimeOffset SharedAt { get; private set; }
}
