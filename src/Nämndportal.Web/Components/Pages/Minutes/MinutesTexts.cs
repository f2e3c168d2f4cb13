using System.Globalization;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Web.Components.Pages.Minutes;

/// <summary>The protokoll's Swedish words for its codes, and the sv-SE time format (13.05) its forms read and write.</summary>
public static class MinutesTexts
{
    public static string Status(MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "Utkast",
        MinutesStatus.ForApproval => "Skickat för justering",
        MinutesStatus.Approved => "Justerat",
        _ => status.ToString(),
    };

    public static string Proposal(ProposalKind kind) => kind switch
    {
        ProposalKind.Approve => "Bifall",
        ProposalKind.Reject => "Avslag",
        ProposalKind.Amend => "Ändring",
        ProposalKind.Add => "Tillägg",
        ProposalKind.Refer => "Återremiss",
        ProposalKind.Postpone => "Bordläggning",
        _ => kind.ToString(),
    };

    public static string Change(AttendanceChangeKind kind) => kind switch
    {
        AttendanceChangeKind.Arrives => "ankommer",
        AttendanceChangeKind.Leaves => "lämnar sammanträdet",
        AttendanceChangeKind.StartsServing => "går in och tjänstgör",
        AttendanceChangeKind.StopsServing => "går ur tjänstgöring",
        _ => kind.ToString(),
    };

    public static string Appeal(AppealKind kind) => kind switch
    {
        AppealKind.None => "Kan inte överklagas / inget beslut",
        AppealKind.LegalityReview => "Laglighetsprövning (13 kap. kommunallagen)",
        AppealKind.AdministrativeAppeal => "Förvaltningsbesvär (förvaltningslagen)",
        _ => kind.ToString(),
    };

    public static string Ballot(Ballot ballot) => ballot switch
    {
        Domain.Minutes.Ballot.Ja => "Ja",
        Domain.Minutes.Ballot.Nej => "Nej",
        Domain.Minutes.Ballot.Avstar => "Avstår",
        _ => ballot.ToString(),
    };

    public static string Decided(VoteDecision decision) => decision switch
    {
        VoteDecision.Majority => "med röstövervikt",
        VoteDecision.CastingVote => "med ordförandens utslagsröst",
        VoteDecision.Lot => "genom lottning",
        _ => decision.ToString(),
    };

    public static string Time(TimeOnly? time) => time?.ToString("HH.mm", CultureInfo.InvariantCulture) ?? string.Empty;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim().Replace(':', '.'), ["H.mm", "HH.mm", "H", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;
}

/// <summary>Runs one edit of the protokoll with the version the page holds, then reloads; false when it was refused.</summary>
public delegate Task<bool> MinutesRun(Func<uint, Task<Result<uint>>> edit, string done);
