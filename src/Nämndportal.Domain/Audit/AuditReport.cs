using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Audit;

/// <summary>
/// A granskningsrapport: written by an audit firm on behalf of the elected auditors, for a year's audit plan, about one
/// or more organs, each of which answers by a day. Its recommendations (<see cref="AuditRecommendation"/>) are followed
/// up one by one.
/// </summary>
public sealed class AuditReport : Entity, IConcurrencyVersioned
{
    private AuditReport()
    {
        Title = string.Empty;
        AuditorFirm = string.Empty;
        OnBehalfOf = string.Empty;
    }

    public AuditReport(string title, string auditorFirm, string onBehalfOf, DateOnly reportedOn, int planYear, IReadOnlyCollection<Guid> organIds, DateOnly? answerDueOn)
        : this()
    {
        Describe(title, auditorFirm, onBehalfOf, reportedOn, planYear, organIds, answerDueOn);
    }

    public string Title { get; private set; }

    /// <summary>"KPMG AB".</summary>
    public string AuditorFirm { get; private set; }

    /// <summary>"De förtroendevalda revisorerna i Exempelby kommun".</summary>
    public string OnBehalfOf { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    /// <summary>The year of the audit plan (revisionsplan) the audit belongs to.</summary>
    public int PlanYear { get; private set; }

    public List<Guid> OrganIds { get; private set; } = [];

    public DateOnly? AnswerDueOn { get; private set; }

    public Guid? ReportFileId { get; private set; }

    public Guid? CoverLetterFileId { get; private set; }

    public uint Version { get; private set; }

    public void Describe(string title, string auditorFirm, string onBehalfOf, DateOnly reportedOn, int planYear, IReadOnlyCollection<Guid> organIds, DateOnly? answerDueOn)
    {
        ArgumentNullException.ThrowIfNull(organIds);
        Title = Text(title, "Ange rapportens titel", 300);
        AuditorFirm = Text(auditorFirm, "Ange vem som genomförde granskningen", 200);
        OnBehalfOf = Text(onBehalfOf, "Ange på vems uppdrag granskningen gjordes", 200);
        if (planYear < reportedOn.Year - 2 || planYear > reportedOn.Year + 1)
        {
            throw new DomainException($"Revisionsplanens år {planYear} ligger långt från rapportens datum {reportedOn:yyyy-MM-dd}.");
        }

        if (organIds.Count == 0)
        {
            throw new DomainException("Ange minst ett organ som granskningen gäller.");
        }

        if (answerDueOn is { } due && due < reportedOn)
        {
            throw new DomainException("Svaret kan inte begäras före rapportens datum.");
        }

        ReportedOn = reportedOn;
        PlanYear = planYear;
        OrganIds = organIds.Distinct().ToList();
        AnswerDueOn = answerDueOn;
    }

    public void AttachFiles(Guid? reportFileId, Guid? coverLetterFileId)
    {
        ReportFileId = reportFileId ?? ReportFileId;
        CoverLetterFileId = coverLetterFileId ?? CoverLetterFileId;
    }

    /// <summary>A recommendation to organs this report covers.</summary>
    public AuditRecommendation Recommend(int number, string text, IReadOnlyCollection<Guid> organIds)
    {
        ArgumentNullException.ThrowIfNull(organIds);
        if (organIds.Count == 0 || organIds.Any(o => !OrganIds.Contains(o)))
        {
            throw new DomainException("En rekommendation riktas till ett eller flera av de organ som granskningen gäller.");
        }

        return new AuditRecommendation(Id, number, Text(text, "Skriv rekommendationen", 2000), organIds.Distinct().ToList());
    }

    private static string Text(string? value, string missing, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? throw new DomainException($"{missing} (högst {max} tecken).") : value.Trim();
}

/// <summary>One recommendation of a granskningsrapport, addressed to one or more of its organs.</summary>
public sealed class AuditRecommendation : Entity
{
    private AuditRecommendation()
    {
        Text = string.Empty;
    }

    internal AuditRecommendation(Guid reportId, int number, string text, List<Guid> organIds)
        : this()
    {
        if (number < 1)
        {
            throw new DomainException("Rekommendationerna numreras från 1.");
        }

        ReportId = reportId;
        Number = number;
        Text = text;
        OrganIds = organIds;
    }

    public Guid ReportId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    public List<Guid> OrganIds { get; private set; } = [];

    public bool IsAddressedTo(Guid organId) => OrganIds.Contains(organId);
}
