namespace Nämndportal.Application.Reader;

/// <summary>
/// The meeting reader's addresses (docs/security.md, "The meeting reader's files"): the viewer's two inline addresses
/// answer range requests; the downloads carry the spårbarhetsstämpel. <c>ReaderEndpoints</c> maps them.
/// </summary>
public static class ReaderUrls
{
    public static string Reader(Guid meetingId) => $"/sammantraden/{meetingId}/las";

    /// <summary>The readable PDF of a handling's version on the meeting's agenda, inline.</summary>
    public static string Document(Guid meetingId, Guid versionId) => $"/sammantraden/{meetingId}/las/dokument/{versionId}";

    /// <summary>An item's tjänsteskrivelse, inline.</summary>
    public static string OfficerReport(Guid meetingId, Guid itemId) => $"/sammantraden/{meetingId}/las/punkt/{itemId}/tjansteskrivelse";

    /// <summary>An item's tjänsteskrivelse as a download (public material: not stamped).</summary>
    public static string OfficerReportDownload(Guid meetingId, Guid itemId) => $"/sammantraden/{meetingId}/las/punkt/{itemId}/tjansteskrivelse/ladda-ned";

    public static string DocumentDownload(Guid meetingId, Guid versionId) => $"/sammantraden/{meetingId}/las/dokument/{versionId}/ladda-ned";

    public static string PackDownload(Guid meetingId) => $"/sammantraden/{meetingId}/las/paket/ladda-ned";
}
