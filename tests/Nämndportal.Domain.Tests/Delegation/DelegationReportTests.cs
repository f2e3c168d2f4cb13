using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;
using static Nämndportal.Domain.Tests.IsoDates;

namespace Nämndportal.Domain.Tests.Delegation;

/// <summary>The redovisning av delegationsbeslut as the seed's municipality prints it (seeds/004, items 21).</summary>
public sealed class DelegationReportTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly DateOnly Today = Day("2026-11-30");
    private static readonly DelegateRole Preschool = DelegateRole.Position("Verksamhetschef förskola");
    private static readonly DelegateRole Chief = DelegateRole.Position("Förvaltningschef");
    private static readonly DelegateRole Committee = DelegateRole.Committee(Guid.NewGuid(), "Social- och utbildningsnämndens individutskott");
    private static readonly DelegateRole Chair = DelegateRole.Elected(MembershipRole.Ordforande);

    private static readonly DelegationScheme Scheme = CreateScheme();

    private static DelegationScheme CreateScheme()
    {
        var scheme = new DelegationScheme(Organ, 1, "SUN 2026-01-28 § 12", Day("2026-02-01"));
        foreach (var (code, role, kind) in new[]
        {
            ("1.1", Chief, DelegationMatterKind.Ordinary), ("2.1", Preschool, DelegationMatterKind.AuthorityOverIndividuals),
            ("6.1", Chief, DelegationMatterKind.AuthorityOverIndividuals), ("7.1", Committee, DelegationMatterKind.AuthorityOverIndividuals),
        })
        {
            scheme.SetPoint(new DelegationPoint(code, code == "6.1" ? "Bistånd i form av hemtjänst" : $"Ärende {code}", kind, [role], null, null, false, true));
        }

        scheme.Establish(null, new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero));
        return scheme;
    }

    private static DelegatedDecision D(string point, DelegateRole role, int? number, string date, string description, string? caseNumber = null, bool individual = false, bool urgent = false, bool document = true, int? section = null) =>
        DelegatedDecision.Register(
            new DecisionEntry(Organ, point, role, "Karin Lund", null, Day(date), caseNumber, description, null, false, individual, urgent, document ? Guid.NewGuid() : null, section),
            urgent ? null : Scheme, [], true, Today, number);

    [Fact]
    public void Decisions_are_grouped_by_delegate_with_ranges_per_description_and_case_number()
    {
        var decisions = new[]
        {
            D("2.1", Preschool, 4, "2026-11-03", "Beslut om barnomsorg på obekväm arbetstid"),
            D("2.1", Preschool, 2, "2026-11-02", "Beslut om barnomsorg på obekväm arbetstid"),
            D("2.1", Preschool, 3, "2026-11-02", "Beslut om barnomsorg på obekväm arbetstid"),
            D("2.1", Preschool, 5, "2026-11-10", "Beslut om tilläggsbelopp till fristående huvudman", "SUN 2026/200", document: false),
            D("2.1", Preschool, 6, "2026-11-11", "Beslut om barnomsorg på obekväm arbetstid"),
            D("1.1", Chief, 13, "2026-11-04", "Attestantlistor 2027", "SUN 2026/639"),
            D("1.1", Chief, 11, "2026-11-01", "Förordnande som tf verksamhetschef förskola"),
            D("7.1", Committee, null, "2026-11-11", "Individärende", section: 610),
            D("7.1", Committee, null, "2026-11-11", "Individärende", section: 611),
            D("7.1", Committee, null, "2026-11-25", "Individärende", section: 650),
            D(null!, Chair, 1, "2026-11-20", "Yttrande till förvaltningsrätten", urgent: true),
        };

        var report = DelegationReport.Build("Social- och utbildningsnämnden", Today, decisions, _ => null);

        report.Groups.Select(g => g.Heading).ShouldBe(["Social- och utbildningsnämndens individutskott", "Ordförande", "Förvaltningschef", "Verksamhetschef förskola"]);
        report.Groups[0].Lines.Select(l => l.Numbers).ShouldBe(["2026-11-11 § 610—611", "2026-11-25 § 650"]);
        report.Groups[1].Lines.ShouldHaveSingleItem().Urgent.ShouldBeTrue();
        report.Groups[2].Lines.Select(l => $"{l.Numbers} {l.Description} {l.CaseNumber}".Trim()).ShouldBe(
            ["11/2026 Förordnande som tf verksamhetschef förskola", "13/2026 Attestantlistor 2027 SUN 2026/639"]);
        report.Groups[3].Lines.Select(l => $"{l.Numbers} {l.Description} {l.CaseNumber}".Trim()).ShouldBe(
        [
            "2-4/2026 Beslut om barnomsorg på obekväm arbetstid",
            "5/2026 Beslut om tilläggsbelopp till fristående huvudman SUN 2026/200",
            "6/2026 Beslut om barnomsorg på obekväm arbetstid",
        ]);
        report.Groups[3].Lines[1].DocumentElsewhere.ShouldBeTrue();
        report.HasDocumentsElsewhere.ShouldBeTrue();
        report.DecisionCount.ShouldBe(decisions.Length);
    }

    [Fact]
    public void Individual_cases_are_only_a_count_and_a_period_without_names_or_case_numbers()
    {
        var decisions = Enumerable.Range(1, 12)
            .Select(i => D("6.1", Chief, i, $"2026-11-{i + 2:00}", "Beslut om bistånd i form av hemtjänst", $"SUN 2026/{900 + i}", individual: true))
            .Append(D("1.1", Chief, 13, "2026-11-20", "Attestantlistor 2027"))
            .ToList();

        var report = DelegationReport.Build("Social- och utbildningsnämnden", Today, decisions, d => Scheme.Point(d.PointCode!)?.Matter);

        var line = report.IndividualCases.ShouldHaveSingleItem();
        (line.Heading, line.Count, line.From, line.To).ShouldBe(("Bistånd i form av hemtjänst (punkt 6.1)", 12, Day("2026-11-03"), Day("2026-11-14")));
        report.Groups.ShouldHaveSingleItem().Lines.ShouldHaveSingleItem().Numbers.ShouldBe("13/2026");
        var everything = string.Join(' ', report.Groups.SelectMany(g => g.Lines.Select(l => $"{l.Numbers} {l.Description} {l.CaseNumber}")).Append(line.Heading));
        everything.ShouldNotContain("SUN 2026/9");
        everything.ShouldNotContain("Karin Lund");
    }
}

public sealed class MessageReportTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly DateOnly Today = Day("2026-11-30");

    [Fact]
    public void Messages_are_grouped_by_sender_and_lettered_on_through_the_groups()
    {
        var messages = new[]
        {
            new BoardMessage(Organ, "Skolinspektionen", Day("2026-11-02"), "SUN 2026/366", "dnr SI 2026:5158", "Beslut efter tematisk tillsyn vid Blötbergets skola", Guid.NewGuid(), Today),
            new BoardMessage(Organ, "Kommunfullmäktige", Day("2026-11-05"), "SUN 2026/635", "KF 2026-10-27 § 93", "Ramjusteringar 2027", null, Today),
            new BoardMessage(Organ, "Skolinspektionen", Day("2026-11-09"), "SUN 2026/584", "dnr 2026:4347", "Beslut efter kvalitetsgranskning av Ekbackens förskola", Guid.NewGuid(), Today),
            new BoardMessage(Organ, "Kommunstyrelsen", Day("2026-11-12"), null, "KS 2026-11-03 § 204", "Mål och riktlinjer för det minoritetspolitiska arbetet", Guid.NewGuid(), Today),
        };

        var report = MessageReport.Build("Social- och utbildningsnämnden", Today, messages);

        report.Groups.Select(g => $"{g.Sender}: {string.Join(", ", g.Lines.Select(l => l.Letter))}")
            .ShouldBe(["Skolinspektionen: a, b", "Kommunfullmäktige: c", "Kommunstyrelsen: d"]);
        report.Groups[1].Lines[0].DocumentElsewhere.ShouldBeTrue();
        report.HasDocumentsElsewhere.ShouldBeTrue();
        Should.Throw<Nämndportal.Domain.Common.DomainException>(() => new BoardMessage(Organ, "X", Day("2026-12-01"), null, null, "Y", null, Today)).Message.ShouldContain("framtiden");
        Should.Throw<Nämndportal.Domain.Common.DomainException>(() => new BoardMessage(Organ, " ", Today, null, null, "Y", null, Today)).Message.ShouldContain("Avsändaren");
    }

    [Fact]
    public void Letters_run_past_z()
    {
        new[] { 0, 1, 25, 26, 27, 51, 52 }.Select(MessageReport.Letter).ShouldBe(["a", "b", "z", "aa", "ab", "az", "ba"]);
    }
}
