using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Reader;

/// <summary>
/// Which version of a handling a user has read (läsmarkering): one row per user and handling, holding the newest version
/// number read. A newer version makes the handling "ändrad sedan du läste" (<see cref="StateOf"/>).
/// </summary>
public sealed class DocumentReadMark : Entity
{
    private DocumentReadMark()
    {
    }

    public DocumentReadMark(Guid userId, Guid caseDocumentId, int versionNumber, DateTimeOffset readAt)
    {
        if (versionNumber < 1)
        {
            throw new DomainException("Versionsnumret börjar på 1.");
        }

        UserId = userId;
        CaseDocumentId = caseDocumentId;
        VersionNumber = versionNumber;
        ReadAt = readAt;
    }

    public Guid UserId { get; private set; }

    public Guid CaseDocumentId { get; private set; }

    /// <summary>The newest version number the user has read.</summary>
    public int VersionNumber { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>Records a read of <paramref name="versionNumber"/>; reading an older version again does not undo having read a newer one.</summary>
    public void Read(int versionNumber, DateTimeOffset at)
    {
        VersionNumber = Math.Max(VersionNumber, versionNumber);
        ReadAt = at;
    }

    /// <summary>The state of a handling whose newest version is <paramref name="currentVersion"/>, given the version read (null: none).</summary>
    public static DocumentReadState StateOf(int? readVersion, int currentVersion) => readVersion switch
    {
        null => DocumentReadState.Unread,
        { } read when read >= currentVersion => DocumentReadState.Read,
        _ => DocumentReadState.ChangedSinceRead,
    };
}
