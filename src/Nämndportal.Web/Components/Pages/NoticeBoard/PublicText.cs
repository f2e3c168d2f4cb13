using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Web.Components.Shared;

namespace Nämndportal.Web.Components.Pages.NoticeBoard;

/// <summary>The anslagstavla's Swedish words for a posting's kind, and its dates as the public reads them.</summary>
public static class PublicText
{
    public static string KindName(PostingKind kind) => kind switch
    {
        PostingKind.Kallelse => "Kallelse",
        PostingKind.Protokoll => "Justerat protokoll",
        PostingKind.Delegationsbeslut => "Delegationsbeslut",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"måndag 21 december 2026 klockan 18.30" (–20.00 when the end is known).</summary>
    public static string MeetingTime(DateTimeOffset startsAt, DateTimeOffset? endsAt) =>
        $"{SvFormat.LongDate(startsAt)} klockan {SvFormat.TimeSpan(startsAt, endsAt)}";
}
