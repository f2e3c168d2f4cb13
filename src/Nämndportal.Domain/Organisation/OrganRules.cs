using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>
/// The numbers an organ's reglemente sets, with the defaults most reglementen use. Justering within 14 days is
/// the law's outer limit (KL 5:69), so an organ may shorten it but not lengthen it.
/// </summary>
public sealed record OrganRules
{
    public const int MaxDaysToApprove = 14;

    public static OrganRules Default { get; } = new(5, 14, 1, false, false);

    public OrganRules(
        int noticeDaysBeforeMeeting, int daysToApprove, int numberOfAdjusters, bool publicMeetingsAllowed, bool membersNeedSecondFactor,
        int? numberOfSeats = null)
    {
        if (numberOfSeats is < 1 or > 151)
        {
            throw new DomainException("Antal ledamotsplatser måste vara mellan 1 och 151.");
        }

        if (noticeDaysBeforeMeeting is < 0 or > 60)
        {
            throw new DomainException("Antal dagar före sammanträdet som kallelsen ska skickas måste vara mellan 0 och 60.");
        }

        if (daysToApprove is < 1 or > MaxDaysToApprove)
        {
            throw new DomainException("Protokollet ska justeras inom 1–14 dagar (kommunallagen 5 kap. 69 §).");
        }

        if (numberOfAdjusters is < 1 or > 5)
        {
            throw new DomainException("Antal justerare måste vara mellan 1 och 5.");
        }

        NoticeDaysBeforeMeeting = noticeDaysBeforeMeeting;
        DaysToApprove = daysToApprove;
        NumberOfAdjusters = numberOfAdjusters;
        PublicMeetingsAllowed = publicMeetingsAllowed;
        MembersNeedSecondFactor = membersNeedSecondFactor;
        NumberOfSeats = numberOfSeats;
    }

    /// <summary>Days before the meeting the kallelse must be sent (domain rule 1).</summary>
    public int NoticeDaysBeforeMeeting { get; }

    /// <summary>Days after the meeting within which the protokoll must be justerat (rule 12).</summary>
    public int DaysToApprove { get; }

    /// <summary>How many justerare besides the chair.</summary>
    public int NumberOfAdjusters { get; }

    /// <summary>Whether meetings may be public (KL 6:25); closed by default (rule 2).</summary>
    public bool PublicMeetingsAllowed { get; }

    public bool MembersNeedSecondFactor { get; }

    /// <summary>
    /// The number of ledamöter fullmäktige decided the organ shall have. Quorum (KL 6:27) is more than half of
    /// these seats, so an empty seat counts as absent rather than lowering the quorum.
    /// </summary>
    public int? NumberOfSeats { get; }
}
