namespace Nämndportal.Application.Reader;

/// <summary>
/// Where the reader's viewer fetches a document. The meeting-scoped endpoints
/// (<c>/sammantraden/{meetingId}/las/dokument/{versionId}</c>, with range requests) come with the reader's file
/// endpoints; until they are merged the viewer reads the case document endpoint, which checks the case's access rule.
/// </summary>
public static class ReaderUrls
{
    public static string Document(Guid meetingId, Guid versionId)
    {
        _ = meetingId;
        return $"/handlingar/{versionId}/pdf";
    }

    public static string Reader(Guid meetingId) => $"/sammantraden/{meetingId}/las";
}
