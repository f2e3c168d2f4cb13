using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>A sammanträde of one organ. The agenda, kallelse and protokoll attach to it in later features.</summary>
public sealed class Meeting : Entity, IConcurrencyVersioned
{
    private Meeting()
    {
        Place = string.Empty;
    }

    public Meeting(Guid organId, DateTimeOffset startsAt, DateTimeOffset? endsAt, string place)
    {
        if (endsAt is { } end && end <= startsAt)
        {
            throw new DomainException("Sammanträdet måste sluta efter att det börjat.");
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new DomainException("Ange var sammanträdet hålls.");
        }

        OrganId = organId;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt?.ToUniversalTime();
        Place = place.Trim();
        Status = MeetingStatus.Planerat;
    }

    public Guid OrganId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public string Place { get; private set; }

    public MeetingStatus Status { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The meeting's date in Stockholm: memberships are judged on this day.</summary>
    public DateOnly LocalDate => SwedishTime.LocalDate(StartsAt);
}
