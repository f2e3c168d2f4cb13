using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;
using static Nämndportal.Domain.Tests.IsoDates;

namespace Nämndportal.Domain.Tests.Delegation;

/// <summary>The delegationsordning and the register's rules: 18 (what can be delegated, to whom), 19 (urgent decisions) and 20 (appeal time).</summary>
public sealed class DelegationRulesTests
{
    private static readonly Guid Organ = Guid.NewGuid();
    private static readonly DateOnly Today = Day("2026-11-20");
    private static readonly DateTimeOffset Now = new(2026, 1, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DelegateRole Chief = DelegateRole.Position("Förvaltningschef");
    private static readonly DelegateRole Preschool = DelegateRole.Position("Verksamhetschef förskola");
    private static readonly DelegateRole Principal = DelegateRole.Position("Rektor Bärets förskola");

    private static DelegationPoint Point(string code, DelegationMatterKind kind = DelegationMatterKind.Ordinary, bool mayPassOn = false, bool mustReport = true, params DelegateRole[] delegates) =>
        new(code, $"Ärende {code}", kind, delegates.Length == 0 ? [Chief] : delegates, [Preschool], "SL 8 kap. 14 §", mayPassOn, mustReport);

    private static DelegationScheme Scheme(DateOnly validFrom, params DelegationPoint[] points)
    {
        var scheme = new DelegationScheme(Organ, 1, "SUN 2026-01-28 § 12", validFrom);
        foreach (var p in points)
        {
            scheme.SetPoint(p);
        }

        scheme.Establish(null, Now);
        return scheme;
    }

    private static DecisionEntry Entry(string? point, DelegateRole role, string date = "2026-11-02", bool individual = false, bool urgent = false, string description = "Förordnande som tf verksamhetschef", bool appealable = false) =>
        new(Organ, point, role, "Jonas Fors", null, Day(date), null, description, null, appealable, individual, urgent);

    [Theory]
    [InlineData(DelegationMatterKind.GoalsAndDirection, "1 p.")]
    [InlineData(DelegationMatterKind.SubmissionToCouncil, "2 p.")]
    [InlineData(DelegationMatterKind.PrincipledAuthority, "3 p.")]
    [InlineData(DelegationMatterKind.CitizenProposal, "4 p.")]
    [InlineData(DelegationMatterKind.ReservedByLaw, "5 p.")]
    public void Rule18_A_matter_KL_6_38_keeps_for_the_organ_cannot_be_entered_as_a_point(DelegationMatterKind kind, string point)
    {
        Should.Throw<DomainException>(() => Point("1.1", kind)).Message.ShouldContain($"6 kap. 38 § {point} kommunallagen");
        Point("1.2", DelegationMatterKind.AuthorityOverIndividuals).MatterKind.ShouldBe(DelegationMatterKind.AuthorityOverIndividuals);
    }

    [Theory]
    [InlineData("Handläggargruppen")]
    [InlineData("Ordförande och förvaltningschef")]
    [InlineData("Rektor/förskolechef")]
    [InlineData("Samtliga enhetschefer")]
    [InlineData("Rektorer")]
    public void Rule18_A_point_cannot_name_a_group_of_employees_or_a_mixed_group(string title)
    {
        Should.Throw<DomainException>(() => DelegateRole.Position(title)).Message.ShouldContain("grupp");
    }

    [Theory]
    [InlineData("Verksamhetschef vård och omsorg")]
    [InlineData("Gruppchef hemtjänst")]
    [InlineData("Teamledare barn och unga")]
    [InlineData("Chef för social- och utbildningsförvaltningen")]
    public void Rule18_A_single_position_whose_title_holds_och_or_group_words_is_accepted(string title)
    {
        DelegateRole.Position(title).Title.ShouldBe(title);
    }

    [Fact]
    public void Rule20_An_individual_case_is_marked_anmald_but_its_appeal_time_does_not_run_from_the_anslag()
    {
        var scheme = Scheme(Day("2026-02-01"), Point("6.1", DelegationMatterKind.AuthorityOverIndividuals));
        var decision = DelegatedDecision.Register(Entry("6.1", Chief, individual: true, appealable: true, description: "Beslut om ekonomiskt bistånd"), scheme, [], true, Today, 3);
        decision.PutOnReport(Guid.NewGuid());
        decision.MarkReported("Social- och utbildningsnämnden", Day("2026-12-09"), 112, Day("2026-12-14"));
        (decision.ReportedIn, decision.AppealFrom).ShouldBe(("anmäld vid Social- och utbildningsnämnden 2026-12-09 § 112", (DateOnly?)null));
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("6.1", Chief) with { CaseNumber = new string('1', 61) }, scheme, [], true, Today)).Message.ShouldContain("60 tecken");
    }

    [Fact]
    public void Rule18_A_point_goes_to_an_utskott_a_member_by_role_or_one_position_and_only_an_employee_passes_it_on()
    {
        var committee = DelegateRole.Committee(Guid.NewGuid(), "Individutskottet");
        DelegateRole.Elected(MembershipRole.Ordforande).Name.ShouldBe("Ordförande");
        Should.Throw<DomainException>(() => DelegateRole.Elected(MembershipRole.Ledamot));
        DelegateRole.Position("Enhetschef hemtjänst").Title.ShouldBe("Enhetschef hemtjänst");

        Should.Throw<DomainException>(() => Point("2.1", mayPassOn: true, delegates: committee)).Message.ShouldContain("7 kap. 6 §");
        Point("2.1", mayPassOn: true).MayPassOn.ShouldBeTrue();
        Should.Throw<DomainException>(() => new DelegationPoint("2.2", "Ärende", DelegationMatterKind.Ordinary, [Chief], [Chief], null, false, true)).Message.ShouldContain("sin egen ersättare");
        Should.Throw<DomainException>(() => Point("3,2")).Message.ShouldContain("3.2");
        Should.Throw<DomainException>(() => new DelegationPoint("2.3", "Ärende", DelegationMatterKind.Ordinary, [], null, null, false, true));
    }

    [Fact]
    public void A_draft_is_edited_until_it_is_fastställd_and_the_next_version_ends_the_one_before_the_day_before()
    {
        var first = new DelegationScheme(Organ, 1, "SUN 2026-01-28 § 12", Day("2026-02-01"));
        first.IsValidOn(Day("2026-03-01")).ShouldBeFalse("a draft carries no decisions");
        Should.Throw<DomainException>(() => first.Establish(null, Now)).Message.ShouldContain("inga punkter");
        first.SetPoint(Point("3.2"));
        first.SetPoint(Point("3.3"));
        first.SetPoint(Point("3.4"), replacing: "3.3");
        first.Points.Select(p => p.Code).ShouldBe(["3.2", "3.4"]);
        Should.Throw<DomainException>(() => first.SetPoint(Point("3.2"), replacing: "3.4")).Message.ShouldContain("finns redan");
        first.Establish(null, Now);
        first.EstablishedAt.ShouldBe(Now);
        first.IsValidOn(Day("2026-03-01")).ShouldBeTrue();
        first.IsValidOn(Day("2026-01-31")).ShouldBeFalse();
        Should.Throw<DomainException>(() => first.SetPoint(Point("3.3"))).Message.ShouldContain("Gör en ny version");
        Should.Throw<DomainException>(() => first.RemovePoint("3.2")).Message.ShouldContain("fastställd");
        Should.Throw<DomainException>(() => first.Describe("x", Day("2026-03-01")));

        var second = first.DraftSuccessor("SUN 2026-10-14 § 98", Day("2026-11-01"));
        second.Number.ShouldBe(2);
        second.Points.Select(p => p.Code).ShouldBe(["3.2", "3.4"]);
        second.RemovePoint("3.4");
        first.Points.Count.ShouldBe(2, "the draft's points are its own");
        first.IsValidOn(Day("2026-11-01")).ShouldBeTrue("the old version applies until the new one is fastställd");
        Should.Throw<DomainException>(() => second.Establish(null, Now)).Message.ShouldContain("ersätter version 1");
        second.Describe("SUN 2026-10-14 § 98", Day("2026-02-01"));
        Should.Throw<DomainException>(() => second.Establish(first, Now)).Message.ShouldContain("efter 2026-02-01");
        second.IsDraft.ShouldBeTrue();
        second.Describe("SUN 2026-10-14 § 98", Day("2026-11-01"));
        second.Establish(first, Now);
        first.ValidTo.ShouldBe(Day("2026-10-31"));
        first.IsValidOn(Day("2026-10-31")).ShouldBeTrue();
        first.IsValidOn(Day("2026-11-01")).ShouldBeFalse();
        second.IsValidOn(Day("2026-11-01")).ShouldBeTrue();
        var third = second.DraftSuccessor("SUN 2026-12-09 § 120", Day("2027-01-01"));
        third.Number.ShouldBe(3);
        Should.Throw<DomainException>(() => third.Establish(first, Now)).Message.ShouldContain("närmast föregående");

        var draft = new DelegationScheme(Organ, 1, "SUN 2026-01-28 § 12", Day("2027-01-01"));
        foreach (var code in new[] { "3.10", "3.2", "1.1" })
        {
            draft.SetPoint(Point(code));
        }

        draft.Points.Select(p => p.Code).ShouldBe(["1.1", "3.2", "3.10"]);
    }

    [Fact]
    public void A_position_holder_and_a_vidaredelegation_end_on_a_day_not_before_they_began()
    {
        var holder = new PositionHolder(Organ, "Förvaltningschef", null, "Tomas Berglund", Day("2026-01-01"), null);
        Should.Throw<DomainException>(() => holder.End(Day("2025-12-31"))).Message.ShouldContain("2026-01-01");
        holder.End(Day("2026-06-30"));
        holder.IsValidOn(Day("2026-06-30")).ShouldBeTrue();
        holder.IsValidOn(Day("2026-07-01")).ShouldBeFalse();
        Should.Throw<DomainException>(() => holder.End(Day("2026-08-01"))).Message.ShouldContain("slutade redan");
        var onward = new OnwardDelegation(Organ, Point("2.1", mayPassOn: true), "Enhetschef", "Tomas Berglund", Day("2026-02-01"), null);
        onward.End(Day("2026-03-31"));
        onward.IsValidOn(Day("2026-04-01")).ShouldBeFalse();
    }

    [Fact]
    public void A_decision_needs_a_point_valid_that_day_that_names_the_role_the_person_held_and_a_date_not_in_the_future()
    {
        var scheme = Scheme(Day("2026-02-01"), Point("3.2"), Point("4.1", delegates: Principal));
        DelegatedDecision.Check(Entry("3.2", Chief), scheme, [], heldRole: true, Today)!.Code.ShouldBe("3.2");
        DelegatedDecision.Check(Entry("3.2", Preschool), scheme, [], heldRole: true, Today)!.Code.ShouldBe("3.2"); // the substitute

        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("3.2", Chief, "2026-11-21"), scheme, [], true, Today)).Message.ShouldContain("framtiden");
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("9.9", Chief), scheme, [], true, Today)).Message.ShouldContain("Punkt 9.9 finns inte");
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("3.2", Chief, "2026-01-15"), scheme, [], true, Today)).Message.ShouldContain("Ingen fastställd delegationsordning gällde 2026-01-15");
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("4.1", Chief), scheme, [], true, Today)).Message.ShouldContain("delegerar inte till förvaltningschef");
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("3.2", Chief), scheme, [], heldRole: false, Today)).Message.ShouldBe("Jonas Fors var inte förvaltningschef 2026-11-02.");
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry(null, Chief), scheme, [], true, Today)).Message.ShouldContain("delegationspunkten");
    }

    [Fact]
    public void A_valid_vidaredelegation_lets_the_position_it_names_decide_and_an_expired_one_does_not()
    {
        var point = Point("5.1", mayPassOn: true);
        var scheme = Scheme(Day("2026-02-01"), point);
        var onward = new OnwardDelegation(Organ, point, "Enhetschef hemtjänst", "Jonas Fors", Day("2026-03-01"), Day("2026-10-31"));
        var head = DelegateRole.Position("Enhetschef hemtjänst");
        DelegatedDecision.Check(Entry("5.1", head, "2026-10-31"), scheme, [onward], true, Today).ShouldBe(point);
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("5.1", head, "2026-11-02"), scheme, [onward], true, Today));
        Should.Throw<DomainException>(() => new OnwardDelegation(Organ, Point("5.2"), "Enhetschef hemtjänst", "Jonas Fors", Today, null)).Message.ShouldContain("får inte vidaredelegeras");
    }

    [Fact]
    public void Rule19_An_urgent_decision_is_the_chairs_needs_no_point_and_is_always_reported()
    {
        var scheme = Scheme(Day("2026-02-01"), Point("3.2", mustReport: false));
        var chair = DelegateRole.Elected(MembershipRole.Ordforande);
        var urgent = DelegatedDecision.Register(Entry(null, chair, urgent: true, description: "Yttrande till förvaltningsrätten som inte kunde vänta"), null, [], true, Today, 1);
        (urgent.Urgent, urgent.MustReport, urgent.PointCode).ShouldBe((true, true, (string?)null));
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry(null, Chief, urgent: true), scheme, [], true, Today)).Message.ShouldContain("6 kap. 39 §");

        var unreported = DelegatedDecision.Register(Entry("3.2", Chief), scheme, [], true, Today, 7);
        unreported.MustReport.ShouldBeFalse();
        unreported.NumberText.ShouldBe("7/2026");
    }

    [Fact]
    public void Rule20_A_reported_decision_is_appealed_from_the_protokolls_anslag_and_an_unreported_appealable_one_gets_its_own()
    {
        var scheme = Scheme(Day("2026-02-01"), Point("3.2"), Point("3.3", mustReport: false));
        var reported = DelegatedDecision.Register(Entry("3.2", Chief, appealable: true), scheme, [], true, Today, 14);
        Should.Throw<DomainException>(() => reported.MarkReported("Social- och utbildningsnämnden", Day("2026-12-09"), 112, Day("2026-12-14")));
        reported.PutOnReport(Guid.NewGuid());
        reported.MarkReported("Social- och utbildningsnämnden", Day("2026-12-09"), 112, Day("2026-12-14"));
        (reported.ReportedIn, reported.AppealFrom).ShouldBe(("anmäld vid Social- och utbildningsnämnden 2026-12-09 § 112", (DateOnly?)Day("2026-12-14")));
        Should.Throw<DomainException>(() => reported.TakeOffReport()).Message.ShouldContain("anmäld vid");
        Should.Throw<DomainException>(() => reported.AnnounceOnItsOwn(Guid.NewGuid(), Today));

        var own = DelegatedDecision.Register(Entry("3.3", Chief, appealable: true), scheme, [], true, Today, 15);
        var posting = Guid.NewGuid();
        own.AnnounceOnItsOwn(posting, Today);
        (own.PostingId, own.AppealFrom).ShouldBe(((Guid?)posting, (DateOnly?)Today));
        Should.Throw<DomainException>(() => DelegatedDecision.Register(Entry("3.3", Chief), scheme, [], true, Today, 16).AnnounceOnItsOwn(posting, Today)).Message.ShouldContain("kan inte överklagas");
    }

    [Theory]
    [InlineData("Beslut om bistånd till Sven Svensson")]
    [InlineData("Bistånd, 19121212-1212")]
    public void An_individual_case_with_a_name_or_personnummer_in_its_description_is_refused(string description)
    {
        var scheme = Scheme(Day("2026-02-01"), Point("6.1", DelegationMatterKind.AuthorityOverIndividuals));
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("6.1", Chief, individual: true, description: description), scheme, [], true, Today))
            .Message.ShouldContain("personuppgifter");
        DelegatedDecision.Check(Entry("6.1", Chief, individual: true, description: "Beslut om bistånd i form av hemtjänst"), scheme, [], true, Today).ShouldNotBeNull();
    }

    [Fact]
    public void An_utskotts_decision_is_its_protokolls_section()
    {
        var committee = DelegateRole.Committee(Guid.NewGuid(), "Individutskottet");
        var scheme = Scheme(Day("2026-02-01"), Point("7.1", DelegationMatterKind.AuthorityOverIndividuals, delegates: committee));
        Should.Throw<DomainException>(() => DelegatedDecision.Check(Entry("7.1", committee), scheme, [], true, Today)).Message.ShouldContain("paragrafen");
        var decision = DelegatedDecision.Register(Entry("7.1", committee) with { Section = 612 }, scheme, [], true, Today, null);
        decision.Number.ShouldBe(612);
        DelegatedDecision.TakesNumber(committee).ShouldBeFalse();
    }
}
