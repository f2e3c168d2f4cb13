using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.NoticeBoard;

/// <summary>
/// The time a decision in a justerat protokoll can be appealed: three weeks from the day the justering was announced on the
/// anslagstavla (KL 13:5), through <see cref="LastDay"/>. The anslag stays up through that day and never comes down
/// earlier: the appeal time runs only while it is up (domain.md rule 16).
/// </summary>
public sealed record AppealTime
{
    private AppealTime(DateOnly upOn, DateOnly lastDay)
    {
        UpOn = upOn;
        LastDay = lastDay;
    }

    /// <summary>The day the anslag went up, from which the three weeks count.</summary>
    public DateOnly UpOn { get; }

    /// <summary>The same weekday three weeks later, moved to the next weekday by lag 1930:173 when it is a day off.</summary>
    public DateOnly LastDay { get; }

    /// <summary>Rule 15: the justering is announced no later than the second day after it (KL 8:12).</summary>
    public static DateOnly LatestUpOn(DateOnly justeradOn) => justeradOn.AddDays(2);

    /// <summary>Rule 16: the appeal time of an anslag that went up on <paramref name="upOn"/>.</summary>
    public static AppealTime From(DateOnly upOn) => new(upOn, SwedishCalendar.EndOfTimeLimit(upOn.AddDays(21)));

    /// <summary>Rules 15 and 16 for a protokoll justerat on <paramref name="justeradOn"/> and put up on <paramref name="upOn"/>.</summary>
    public static AppealTime ForJustering(DateOnly justeradOn, DateOnly upOn)
    {
        if (upOn < justeradOn)
        {
            throw new DomainException("Protokollet kan inte anslås innan det är justerat.");
        }

        if (upOn > LatestUpOn(justeradOn))
        {
            throw new DomainException(
                $"Justeringen ska anslås senast andra dagen efter justeringen, {LatestUpOn(justeradOn):yyyy-MM-dd} (KL 8 kap. 12 §).");
        }

        return From(upOn);
    }
}
