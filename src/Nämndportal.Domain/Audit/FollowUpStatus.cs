namespace Nämndportal.Domain.Audit;

/// <summary>
/// Where an action or an assignment stands: the board's own four categories, kept in Swedish (ADR 0003) because the
/// report to the auditors uses them word for word.
/// </summary>
public enum FollowUpStatus
{
    EjPaborjad,
    Pagar,
    Genomford,
    Avvaktar,
}

public static class FollowUpStatuses
{
    public static string SwedishName(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.EjPaborjad => "Ej påbörjad",
        FollowUpStatus.Pagar => "Pågår",
        FollowUpStatus.Genomford => "Genomförd",
        FollowUpStatus.Avvaktar => "Avvaktar",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
