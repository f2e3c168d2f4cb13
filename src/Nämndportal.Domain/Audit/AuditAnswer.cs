using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>An addressed organ's position on one recommendation, and the day it wants a report back.</summary>
public sealed record RecommendationPosition(Guid RecommendationId, string Position, DateOnly? ReportBackOn);

/// <summary>
/// An organ's answer (yttrande) to a granskningsrapport: a case of its own, decided in a § of a meeting; one per addressed
/// organ, so a recommendation to two organs gets two answers. It holds the organ's position on each recommendation
/// addressed to it; the actions are their own records (<see cref="FollowUpAction"/>).
/// </summary>
public sealed class AuditAnswer : Entity, IConcurrencyVersioned
{
    private AuditAnswer()
    {
    }

    public AuditAnswer(Guid reportId, Guid organId, Guid caseId)
        : this()
    {
        ReportId = reportId;
        OrganId = organId;
        CaseId = caseId;
    }

    public Guid ReportId { get; private set; }

    public Guid OrganId { get; private set; }

    /// <summary>The organ's case for its yttrande.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The § that decided the yttrande, once it is decided.</summary>
    public Guid? SectionId { get; private set; }

    /// <summary>"SUN 2026-11-18 § 104", once decided.</summary>
    public string? DecidedIn { get; private set; }

    public List<RecommendationPosition> Positions { get; private set; } = [];

    public uint Version { get; private set; }

    public bool IsDecided => SectionId is not null;

    /// <summary>The organ's position on a recommendation addressed to it; refused once the yttrande is decided.</summary>
    public void TakePosition(AuditRecommendation recommendation, string position, DateOnly? reportBackOn)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        EnsureOpen();
        if (recommendation.ReportId != ReportId || !recommendation.IsAddressedTo(OrganId))
        {
            throw new DomainException($"Rekommendation {recommendation.Number} är inte riktad till detta organ.");
        }

        if (string.IsNullOrWhiteSpace(position) || position.Trim().Length > 4000)
        {
            throw new DomainException("Skriv organets ställningstagande (högst 4000 tecken).");
        }

        Positions.RemoveAll(p => p.RecommendationId == recommendation.Id);
        Positions.Add(new RecommendationPosition(recommendation.Id, position.Trim(), reportBackOn));
    }

    /// <summary>The yttrande was decided in <paramref name="reference"/>; the answer is then locked, its actions go on.</summary>
    public void Decide(Guid sectionId, string reference)
    {
        EnsureOpen();
        SectionId = sectionId;
        DecidedIn = string.IsNullOrWhiteSpace(reference) ? throw new DomainException("Ange paragrafen som beslutade yttrandet.") : reference.Trim();
    }

    private void EnsureOpen()
    {
        if (IsDecided)
        {
            throw new DomainException($"Yttrandet är beslutat ({DecidedIn}) och ändras inte.");
        }
    }
}
