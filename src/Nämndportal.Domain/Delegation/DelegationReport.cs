using System.Globalization;

namespace Nämndportal.Domain.Delegation;

/// <summary>One line of the report: "94-97/2023 Beslut om barnomsorg på obekvämlig arbetstid SUN 2023/200 ¹⁾".</summary>
/// <param name="Numbers">"94-97/2023", or for an utskott "2023-12-20 § 610—650".</param>
/// <param name="Urgent">Taken by the chair because it could not wait (KL 6:39).</param>
/// <param name="DocumentElsewhere">A decision on the line has no document in the portal: the footnote says where it is kept.</param>
public sealed record DelegationReportLine(string Numbers, string? Description, string? CaseNumber, bool Urgent, bool DocumentElsewhere, IReadOnlyList<Guid> DecisionIds);

/// <summary>One delegate's decisions: "Verksamhetschef förskola", "Social- och utbildningsnämndens individutskott".</summary>
public sealed record DelegationReportGroup(string Heading, IReadOnlyList<DelegationReportLine> Lines);

/// <summary>Individual social-services cases (rule 23): a count and a period per kind of matter, never a name or case number.</summary>
public sealed record IndividualCasesLine(string Heading, int Count, DateOnly From, DateOnly To, IReadOnlyList<Guid> DecisionIds);

/// <summary>
/// Redovisning av delegationsbeslut, as municipalities print it (domain.md §4): grouped by who decided — utskott first (as
/// protokoll references), then the chair and the vice chairs, then the positions by name — each group's numbers
/// compressed into ranges where consecutive decisions share a description and case number; individual social-services
/// cases only as counts and periods; a footnote where a document is kept outside the portal.
/// </summary>
public sealed record DelegationReport(
    string OrganName, DateOnly CutOff, IReadOnlyList<DelegationReportGroup> Groups, IReadOnlyList<IndividualCasesLine> IndividualCases, bool HasDocumentsElsewhere)
{
    public const string ElsewhereNote = "Handlingen finns hos förvaltningen och inte i Nämndportalen.";

    public const string IndividualCasesHeading = "Enskilda individärenden";

    public int DecisionCount => Groups.Sum(g => g.Lines.Sum(l => l.DecisionIds.Count)) + IndividualCases.Sum(i => i.Count);

    /// <summary>
    /// Builds the report from the decisions to report. <paramref name="pointMatter"/> names the matter of a decision's point
    /// in the version of the delegationsordning it was taken under, for the individual cases' lines.
    /// </summary>
    public static DelegationReport Build(string organName, DateOnly cutOff, IEnumerable<DelegatedDecision> decisions, Func<DelegatedDecision, string?> pointMatter)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(pointMatter);
        var all = decisions.ToList();
        var groups = all.Where(d => !d.IndividualCase)
            .GroupBy(d => d.SeriesKey)
            .Select(g => (Role: g.First().DecidedAs, Items: g.ToList()))
            .OrderBy(g => g.Role.Kind)
            .ThenBy(g => g.Role.Kind == DelegateKind.ElectedRole ? ((int?)g.Role.Role)?.ToString("D2", CultureInfo.InvariantCulture) : g.Role.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true))
            .Select(g => new DelegationReportGroup(g.Role.Name, g.Role.Kind == DelegateKind.Committee ? CommitteeLines(g.Items) : Lines(g.Items)))
            .ToList();
        var individual = all.Where(d => d.IndividualCase)
            .GroupBy(d => (Code: d.PointCode ?? string.Empty, Matter: d.PointCode is null ? null : pointMatter(d)))
            .OrderBy(g => g.Key.Code, Comparer<string>.Create(DelegationScheme.CompareCodesOrEmpty))
            .Select(g => new IndividualCasesLine(
                g.Key.Matter is { } matter ? $"{matter} (punkt {g.Key.Code})" : "Beslut i enskilda individärenden",
                g.Count(), g.Min(d => d.DecidedOn), g.Max(d => d.DecidedOn), g.Select(d => d.Id).ToList()))
            .ToList();
        return new DelegationReport(organName, cutOff, groups, individual, groups.Any(g => g.Lines.Any(l => l.DocumentElsewhere)));
    }

    private static List<DelegationReportLine> Lines(List<DelegatedDecision> items) =>
        NumberRanges.Compress(items, d => d.Number, d => d.Year, d => (d.Description, d.CaseNumber, d.Urgent))
            .Select(r => new DelegationReportLine(
                r.Range.ToString(), r.Key.Description, r.Key.CaseNumber, r.Key.Urgent, r.Items.Any(d => d.DocumentFileId is null), r.Items.Select(d => d.Id).ToList()))
            .ToList();

    /// <summary>An utskott's decisions as its protokoll: per meeting day the § range ("2023-12-20 § 610—650").</summary>
    private static List<DelegationReportLine> CommitteeLines(List<DelegatedDecision> items) =>
        items.GroupBy(d => d.DecidedOn).OrderBy(g => g.Key)
            .SelectMany(day => NumberRanges.Compress(day, d => d.Number, d => d.Year, _ => 0)
                .Select(r => new DelegationReportLine(
                    $"{day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} § {(r.Range.From == r.Range.To ? r.Range.From.ToString(CultureInfo.InvariantCulture) : $"{r.Range.From}—{r.Range.To}")}",
                    null, null, false, false, r.Items.Select(d => d.Id).ToList())))
            .ToList();
}
