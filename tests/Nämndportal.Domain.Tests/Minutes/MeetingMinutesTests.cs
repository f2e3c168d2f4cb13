using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;
using static Nämndportal.Domain.Tests.IsoDates;

namespace Nämndportal.Domain.Tests.Minutes;

/// <summary>
/// The protokoll's rules (domain.md §5, rules 4–14 and 27) on a board of five seats: Anna chairs, Bo, Cecilia, David and
/// Eva are ledamöter; Fia, Gustav and Hanna are ersättare. §§ 61–65 of the year's series.
/// </summary>
public class MeetingMinutesTests
{
    private static readonly Guid Anna = Guid.NewGuid(), Bo = Guid.NewGuid(), Cecilia = Guid.NewGuid(), David = Guid.NewGuid(), Eva = Guid.NewGuid();
    private static readonly Guid Fia = Guid.NewGuid(), Gustav = Guid.NewGuid(), Hanna = Guid.NewGuid();
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly DateTimeOffset Opened = new(2026, 10, 6, 10, 55, 0, TimeSpan.Zero);
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string OtherSha = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private static MeetingMinutes Draft(OrganRules? rules = null)
    {
        Attendee Person(Guid id, AttendeeKind kind, string name, string party, int order, string? role = null) =>
            new(id, kind, name, party, role ?? (kind == AttendeeKind.Member ? "Ledamot" : "Ersättare"), null, order);
        var roster = new[]
        {
            Person(Anna, AttendeeKind.Member, "Anna Ordf", "S", 1, "Ordförande"),
            Person(Bo, AttendeeKind.Member, "Bo Berg", "M", 2),
            Person(Cecilia, AttendeeKind.Member, "Cecilia Carlsson", "S", 3),
            Person(David, AttendeeKind.Member, "David Dahl", "SD", 4),
            Person(Eva, AttendeeKind.Member, "Eva Ek", "C", 5),
            Person(Fia, AttendeeKind.Substitute, "Fia Falk", "M", 6),
            Person(Gustav, AttendeeKind.Substitute, "Gustav Gran", "S", 7),
            Person(Hanna, AttendeeKind.Substitute, "Hanna Holm", "V", 8),
        };
        var sections = Enumerable.Range(1, 5)
            .Select(i => new SectionDraft(Guid.NewGuid(), SectionKind.Decision, $"Ärende {i}", Guid.NewGuid(), $"OMF-2026-{i}", Decisions: ["godkänna förslaget"]))
            .ToList();
        var minutes = MeetingMinutes.Draft(Guid.NewGuid(), Guid.NewGuid(), "Omsorgsnämnden", Day("2026-10-06"), "Sammanträdesrum Björken",
            rules ?? OrganRules.Default, seats: 5, roster, Anna, firstNumber: 61, sections);
        return minutes;
    }

    /// <summary>Everyone but Eva is present; Hanna (V) serves for her.</summary>
    private static MeetingMinutes Held()
    {
        var minutes = Draft();
        minutes.RecordOpened(Opened);
        foreach (var id in new[] { Anna, Bo, Cecilia, David, Fia, Gustav })
        {
            minutes.SetPresence(id, true, null);
        }

        minutes.SetPresence(Hanna, true, Eva);
        return minutes;
    }

    private static Dictionary<Guid, Ballot> AllJa(MeetingMinutes minutes, int number) =>
        minutes.ServingIn(number).ToDictionary(id => id, _ => Ballot.Ja);

    private static StrongAuthentication FreshAt(DateTimeOffset at) => new(at.AddMinutes(-1), SecondFactor: true, "Lösenord och engångskod");

    [Fact]
    public void Drafting_numbers_the_sections_on_from_the_organs_series()
    {
        var minutes = Draft();
        minutes.Sections.Select(s => s.Number).ShouldBe([61, 62, 63, 64, 65]);
        minutes.FirstNumber.ShouldBe(61);
        minutes.LastNumber.ShouldBe(65);
        minutes.Status.ShouldBe(MinutesStatus.Draft);
        minutes.Section(62).Decisions.ShouldBe(["godkänna förslaget"]);
    }

    [Fact]
    public void Rule4_Quorum_is_more_than_half_serving_and_is_rechecked_per_section_after_jav()
    {
        var minutes = Draft();
        minutes.SetPresence(Anna, true, null);
        minutes.SetPresence(Bo, true, null);
        minutes.QuorumIn(61).ShouldBeFalse();
        minutes.Section(61).QuorumMet.ShouldBeFalse();

        minutes.SetPresence(Cecilia, true, null);
        minutes.QuorumIn(61).ShouldBeTrue();
        minutes.Section(61).ServingCount.ShouldBe(3);

        // Cecilia is jävig in § 63 and no ersättare is present: the board is not quorate there, and the § records it.
        minutes.SetDisqualified(63, Cecilia, null);
        minutes.QuorumIn(63).ShouldBeFalse();
        minutes.Section(63).QuorumMet.ShouldBeFalse();
        minutes.Section(62).QuorumMet.ShouldBeTrue();

        // With an ersättare serving in her stead, it is.
        minutes.SetPresence(Fia, true, null);
        minutes.RemoveDisqualification(63, Cecilia);
        minutes.SetDisqualified(63, Cecilia, Fia);
        minutes.QuorumIn(63).ShouldBeTrue();
    }

    [Fact]
    public void Rule5_A_serving_ersattare_is_recorded_with_whom_they_replace()
    {
        var minutes = Held();
        minutes.ServingIn(61).ShouldContain(Hanna);
        minutes.ServesForIn(61)[Hanna].ShouldBe(Eva);
        minutes.ServingIn(61).ShouldNotContain(Fia);
        Should.Throw<DomainException>(() => minutes.SetPresence(Gustav, true, Eva)).Message.ShouldContain("redan");
    }

    [Fact]
    public void Rule6_Who_serves_changes_only_between_sections_and_one_who_left_does_not_return()
    {
        var minutes = Held();
        minutes.AddChange(Bo, AttendanceChangeKind.Leaves, 63, null, new TimeOnly(14, 5));
        minutes.AddChange(Fia, AttendanceChangeKind.StartsServing, 63, Bo, new TimeOnly(14, 5));

        minutes.ServingIn(62).ShouldContain(Bo);
        minutes.ServingIn(63).ShouldNotContain(Bo);
        minutes.ServingIn(63).ShouldContain(Fia);
        minutes.ServesForIn(64)[Fia].ShouldBe(Bo);

        var revision = minutes.Revision;
        var ex = Should.Throw<DomainException>(() => minutes.AddChange(Bo, AttendanceChangeKind.Arrives, 65, null, new TimeOnly(15, 0)));
        ex.Message.ShouldContain("kan inte komma tillbaka");
        minutes.Changes.Count.ShouldBe(2);
        minutes.Revision.ShouldBe(revision);
    }

    [Fact]
    public void Rule6_An_arriving_ledamot_takes_the_seat_back_from_the_ersattare()
    {
        var minutes = Held();
        minutes.AddChange(Eva, AttendanceChangeKind.Arrives, 62, null, new TimeOnly(13, 30));
        minutes.ServingIn(61).ShouldContain(Hanna);
        minutes.ServingIn(62).ShouldContain(Eva);
        minutes.ServingIn(62).ShouldNotContain(Hanna);
        minutes.PresentIn(62).ShouldContain(Hanna);
    }

    [Fact]
    public void Rule7_A_javig_member_is_not_present_in_the_section_and_an_ersattare_may_serve()
    {
        var minutes = Held();
        minutes.SetDisqualified(62, David, Fia);

        minutes.ServingIn(62).ShouldNotContain(David);
        minutes.PresentIn(62).ShouldNotContain(David);
        minutes.ServingIn(62).ShouldContain(Fia);
        minutes.ServesForIn(62)[Fia].ShouldBe(David);
        minutes.ServingIn(63).ShouldContain(David);

        var ex = Should.Throw<DomainException>(() => minutes.RecordOpenVote(62, "bifall", "avslag", new Dictionary<Guid, Ballot> { [David] = Ballot.Nej }));
        ex.Message.ShouldContain("jävig");
        minutes.Section(62).Votes.ShouldBeEmpty();
        Should.Throw<DomainException>(() => minutes.AddProposal(62, David, ProposalKind.Reject, null)).Message.ShouldContain("jävig");
    }

    [Fact]
    public void Rule8_Only_those_serving_in_the_section_propose_vote_or_reserve()
    {
        var minutes = Held();

        // Gustav is a present ersättare who does not serve.
        Should.Throw<DomainException>(() => minutes.AddProposal(61, Gustav, ProposalKind.Reject, null)).Message.ShouldContain("tjänstgör inte");
        var ballots = AllJa(minutes, 61);
        ballots[Gustav] = Ballot.Nej;
        Should.Throw<DomainException>(() => minutes.RecordOpenVote(61, "bifall", "avslag", ballots)).Message.ShouldContain("tjänstgör inte");
        Should.Throw<DomainException>(() => minutes.Reserve(61, Gustav, Opened.AddMinutes(30), null)).Message.ShouldContain("tjänstgör inte");

        minutes.AddProposal(61, Hanna, ProposalKind.Reject, "att avslå förslaget");
        minutes.Section(61).Proposals.Single().PersonId.ShouldBe(Hanna);
        minutes.Section(61).Votes.ShouldBeEmpty();
        minutes.Section(61).Reservations.ShouldBeEmpty();
    }

    [Fact]
    public void Rule9_An_open_vote_records_each_serving_members_answer_and_a_tie_goes_the_chairs_way()
    {
        var minutes = Held();

        // Five serve (Hanna for Eva): a 2–2 tie with one abstaining.
        var ballots = new Dictionary<Guid, Ballot> { [Anna] = Ballot.Ja, [Bo] = Ballot.Nej, [Cecilia] = Ballot.Ja, [David] = Ballot.Nej, [Hanna] = Ballot.Avstar };
        var vote = minutes.RecordOpenVote(62, "bifall till förvaltningens förslag", "bifall till Bo Bergs yrkande", ballots);

        vote.Winner.ShouldBe(Ballot.Ja);
        vote.DecidedBy.ShouldBe(VoteDecision.CastingVote);
        vote.Ballots.Count.ShouldBe(5);
        vote.Ballots.Single(b => b.PersonId == David).Ballot.ShouldBe(Ballot.Nej);

        // A member who serves but has no answer: the vote is refused, nothing recorded.
        ballots.Remove(Hanna);
        Should.Throw<DomainException>(() => minutes.RecordOpenVote(63, "Ja", "Nej", ballots));
        minutes.Section(63).Votes.ShouldBeEmpty();
    }

    [Fact]
    public void Rule9_A_secret_election_keeps_only_the_counts_and_a_tie_is_decided_by_lot()
    {
        var minutes = Held();
        Should.Throw<DomainException>(() => minutes.RecordElection(64, "Bo Berg", "David Dahl", secret: true, 2, 2, 1, lot: null)).Message.ShouldContain("lottning");

        var vote = minutes.RecordElection(64, "Bo Berg", "David Dahl", secret: true, 2, 2, 1, lot: Ballot.Nej);
        vote.Secret.ShouldBeTrue();
        vote.Ballots.ShouldBeEmpty();
        vote.Winner.ShouldBe(Ballot.Nej);
        vote.DecidedBy.ShouldBe(VoteDecision.Lot);
    }

    [Fact]
    public void Rule10_A_reservation_is_announced_before_the_meeting_closes_and_its_reasons_come_until_the_deadline()
    {
        var minutes = Held();
        minutes.Reserve(62, Bo, Opened.AddHours(1), null);
        minutes.RecordClosed(Opened.AddHours(3));

        var ex = Should.Throw<DomainException>(() => minutes.Reserve(63, David, Opened.AddHours(4), null));
        ex.Message.ShouldContain("innan sammanträdet avslutas");
        minutes.Section(63).Reservations.ShouldBeEmpty();

        // Written reasons: through the deadline (2026-10-20, the meeting plus 14 days), not after.
        minutes.GiveReservationReasons(62, Bo, "Vi anser att ärendet borde ha remitterats.", new DateTimeOffset(2026, 10, 20, 20, 0, 0, TimeSpan.Zero));
        minutes.Section(62).Reservations.Single().Reasons.ShouldBe("Vi anser att ärendet borde ha remitterats.");
        Should.Throw<DomainException>(() => minutes.GiveReservationReasons(62, Bo, "Senare skäl", new DateTimeOffset(2026, 10, 20, 22, 30, 0, TimeSpan.Zero)))
            .Message.ShouldContain("2026-10-20");
        minutes.Section(62).Reservations.Single().Reasons.ShouldBe("Vi anser att ärendet borde ha remitterats.");
    }

    [Fact]
    public void Rule11_A_section_records_standing_proposals_order_votes_decision_and_reservations()
    {
        var minutes = Held();
        var approve = minutes.AddProposal(62, Anna, ProposalKind.Approve, null);
        var reject = minutes.AddProposal(62, Bo, ProposalKind.Reject, "att avslå förslaget");
        var refer = minutes.AddProposal(62, David, ProposalKind.Refer, "att återremittera ärendet");
        minutes.WithdrawProposal(62, refer);
        minutes.WriteSection(62, "Ärende 2", ["godkänna förslaget"], ["Tjänsteskrivelse 2026-09-20"], null, ["Omsorgsförvaltningen"],
            "Ordföranden ställer proposition på bifall och avslag och finner att nämnden bifaller förslaget.", AppealKind.LegalityReview, null, false);
        minutes.RecordOpenVote(62, "bifall", "avslag", new Dictionary<Guid, Ballot> { [Anna] = Ballot.Ja, [Bo] = Ballot.Nej, [Cecilia] = Ballot.Ja, [David] = Ballot.Nej, [Hanna] = Ballot.Ja });
        minutes.Reserve(62, Bo, Opened.AddHours(1), "till förmån för eget yrkande");

        var section = minutes.Section(62);
        section.StandingProposals.Select(p => p.Id).ShouldBe([approve, reject]);
        section.Proposals.Single(p => p.Id == refer).Withdrawn.ShouldBeTrue();
        section.PropositionOrder.ShouldNotBeNull().ShouldStartWith("Ordföranden ställer proposition");
        section.Votes.Single().JaCount.ShouldBe(3);
        section.Decisions.ShouldBe(["godkänna förslaget"]);
        section.Reservations.Single().PersonId.ShouldBe(Bo);
        minutes.ServingIn(62).Count.ShouldBe(5);
    }

    [Fact]
    public void Rule12_The_justering_deadline_is_the_organs_days_after_the_meeting()
    {
        Draft().Deadline.Due.ShouldBe(Day("2026-10-20"));
        Draft(new OrganRules(5, 10, 2, false, false)).Deadline.Due.ShouldBe(Day("2026-10-16"));
    }

    private static MeetingMinutes SubmittedForApproval()
    {
        var minutes = Held();
        minutes.SetSigners(Anna, [Cecilia]);
        minutes.RecordClosed(Opened.AddHours(3));
        minutes.SubmitForApproval(Guid.NewGuid(), Sha, Opened.AddDays(1));
        return minutes;
    }

    [Fact]
    public void Rule13_The_protokoll_is_justerat_only_when_all_signers_approved_the_same_pdf_and_never_changes_after()
    {
        var minutes = SubmittedForApproval();
        var at = Opened.AddDays(2);

        // A signer who reviewed another version cannot approve it.
        Should.Throw<DomainException>(() => minutes.Approve(Cecilia, UserId, at, FreshAt(at), OtherSha, "portal")).Message.ShouldContain("inte den version");

        minutes.Approve(Anna, UserId, at, FreshAt(at), Sha, "portal").ShouldBeFalse();
        minutes.Status.ShouldBe(MinutesStatus.ForApproval);
        Should.Throw<DomainException>(() => minutes.Approve(Bo, UserId, at, FreshAt(at), Sha, "portal")).Message.ShouldContain("justerarna");

        minutes.Approve(Cecilia, UserId, at.AddHours(1), FreshAt(at.AddHours(1)), Sha, "portal").ShouldBeTrue();
        minutes.Status.ShouldBe(MinutesStatus.Approved);
        minutes.MinutesApprovals.Select(a => (a.PersonId, a.Role, a.Sha256)).ShouldBe([(Anna, SignerRole.Chair, Sha), (Cecilia, SignerRole.Adjuster, Sha)]);

        var revision = minutes.Revision;
        Should.Throw<DomainException>(() => minutes.WriteSection(61, "Ny rubrik", ["annat"], null, null, null, null, AppealKind.None, null, false)).Message.ShouldContain("justerat");
        Should.Throw<DomainException>(() => minutes.SetPresence(Gustav, false, null)).Message.ShouldContain("justerat");
        minutes.Section(61).Title.ShouldBe("Ärende 1");
        minutes.Revision.ShouldBe(revision);

        // A correction is its own act, approved over its own PDF by the same signers.
        var correction = minutes.Correct(61, "I § 61 ska det stå 2026 i stället för 2025.", Guid.NewGuid(), OtherSha, "sekreterare", at.AddDays(1));
        minutes.ApproveCorrection(correction.Id, Anna, UserId, at.AddDays(1), FreshAt(at.AddDays(1)), OtherSha, "portal").ShouldBeFalse();
        minutes.ApproveCorrection(correction.Id, Cecilia, UserId, at.AddDays(1), FreshAt(at.AddDays(1)), OtherSha, "portal").ShouldBeTrue();
        minutes.Corrections.Single().ApprovedAt.ShouldNotBeNull();
        minutes.MinutesApprovals.Count.ShouldBe(2);
        minutes.Section(61).Title.ShouldBe("Ärende 1");
    }

    [Fact]
    public void Rule13_A_correction_is_written_only_of_a_justerat_protokoll_one_at_a_time_and_approved_over_its_own_print()
    {
        var minutes = SubmittedForApproval();
        var at = Opened.AddDays(2);
        Should.Throw<DomainException>(() => minutes.Correct(null, "Fel datum på första sidan.", Guid.NewGuid(), OtherSha, "sekreterare", at)).Message.ShouldContain("justerat protokoll");
        minutes.Approve(Anna, UserId, at, FreshAt(at), Sha, "portal");
        minutes.Approve(Cecilia, UserId, at, FreshAt(at), Sha, "portal").ShouldBeTrue();

        Should.Throw<DomainException>(() => minutes.Correct(99, "Fel i paragrafen.", Guid.NewGuid(), OtherSha, "sekreterare", at)).Message.ShouldContain("99");
        Should.Throw<DomainException>(() => minutes.Correct(61, "  ", Guid.NewGuid(), OtherSha, "sekreterare", at)).Message.ShouldContain("måste fyllas i");
        Should.Throw<DomainException>(() => minutes.Correct(61, "Fel.", Guid.NewGuid(), "inte en kontrollsumma", "sekreterare", at));

        var first = minutes.Correct(61, "  I § 61 ska det stå 2026.  ", Guid.NewGuid(), OtherSha, "sekreterare", at);
        first.Number.ShouldBe(1);
        first.Text.ShouldBe("I § 61 ska det stå 2026.");
        first.Title.ShouldBe("Rättelse 1 av § 61");
        Should.Throw<DomainException>(() => minutes.Correct(62, "En till.", Guid.NewGuid(), OtherSha, "sekreterare", at)).Message.ShouldContain("väntar redan");

        // A signer approves over the correction's checksum, not the protokoll's; a withdrawn correction takes its signatures with it.
        Should.Throw<DomainException>(() => minutes.ApproveCorrection(first.Id, Anna, UserId, at, FreshAt(at), Sha, "portal")).Message.ShouldContain("granskade");
        Should.Throw<DomainException>(() => minutes.ApproveCorrection(first.Id, Bo, UserId, at, FreshAt(at), OtherSha, "portal"));
        minutes.ApproveCorrection(first.Id, Anna, UserId, at, FreshAt(at), OtherSha, "portal").ShouldBeFalse();
        minutes.WithdrawCorrection(first.Id);
        minutes.Corrections.ShouldBeEmpty();
        minutes.Approvals.ShouldNotContain(a => a.CorrectionId == first.Id);

        var second = minutes.Correct(null, "Sammanträdet slutade klockan 15.30.", Guid.NewGuid(), OtherSha, "sekreterare", at);
        second.Title.ShouldBe("Rättelse 1 av protokollet");
        minutes.ApproveCorrection(second.Id, Anna, UserId, at, FreshAt(at), OtherSha, "portal").ShouldBeFalse();
        Should.Throw<DomainException>(() => minutes.RecordCorrectionJustering(second.Id, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())).Message.ShouldContain("inte justerad");
        minutes.ApproveCorrection(second.Id, Cecilia, UserId, at, FreshAt(at), OtherSha, "portal").ShouldBeTrue();
        Should.Throw<DomainException>(() => minutes.WithdrawCorrection(second.Id)).Message.ShouldContain("justerad");
        minutes.Correct(62, "Beslutet gäller från den 1 januari.", Guid.NewGuid(), Sha, "sekreterare", at).Title.ShouldBe("Rättelse 2 av § 62");
    }

    [Fact]
    public void Rule13_Taking_the_protokoll_back_voids_the_signatures_given()
    {
        var minutes = SubmittedForApproval();
        var at = Opened.AddDays(2);
        minutes.Approve(Anna, UserId, at, FreshAt(at), Sha, "portal");
        Should.Throw<DomainException>(() => minutes.AddNote(61, null, "Ny anteckning")).Message.ShouldContain("skickat för justering");

        minutes.TakeBack();
        minutes.Status.ShouldBe(MinutesStatus.Draft);
        minutes.MinutesApprovals.ShouldBeEmpty();
        minutes.AddNote(61, null, "Nämnden noterar informationen.");
        minutes.SubmitForApproval(Guid.NewGuid(), OtherSha, at);
        Should.Throw<DomainException>(() => minutes.Approve(Anna, UserId, at, FreshAt(at), Sha, "portal"));
        minutes.Approve(Anna, UserId, at, FreshAt(at), OtherSha, "portal").ShouldBeFalse();
    }

    [Fact]
    public void Rule14_A_section_justerad_at_once_is_locked_and_the_rest_stays_a_draft()
    {
        var minutes = Held();
        minutes.SetSigners(Anna, [Cecilia]);
        Should.Throw<DomainException>(() => minutes.ApproveSectionImmediately(63, Anna, UserId, Opened, FreshAt(Opened), Sha, "portal")).Message.ShouldContain("omedelbar");

        minutes.WriteSection(63, "Ärende 3", ["godkänna förslaget"], null, null, null, null, AppealKind.LegalityReview, null, immediateApproval: true);
        var at = Opened.AddHours(1);
        minutes.ApproveSectionImmediately(63, Anna, UserId, at, FreshAt(at), Sha, "portal").ShouldBeFalse();
        minutes.ApproveSectionImmediately(63, Cecilia, UserId, at, FreshAt(at), Sha, "portal").ShouldBeTrue();

        minutes.Section(63).IsLocked.ShouldBeTrue();
        Should.Throw<DomainException>(() => minutes.AddNote(63, null, "Efteråt")).Message.ShouldContain("omedelbart justerad");
        minutes.AddNote(64, null, "Nämnden noterar informationen.");
        minutes.Status.ShouldBe(MinutesStatus.Draft);
    }

    [Fact]
    public void Rule27_Signing_needs_a_password_and_second_factor_from_the_last_five_minutes()
    {
        var minutes = SubmittedForApproval();
        var at = Opened.AddDays(2);

        Should.Throw<DomainException>(() => minutes.Approve(Anna, UserId, at, new StrongAuthentication(at.AddMinutes(-1), SecondFactor: false, "Lösenord"), Sha, "portal"))
            .Message.ShouldContain("tvåstegsverifiering");
        Should.Throw<DomainException>(() => minutes.Approve(Anna, UserId, at, new StrongAuthentication(at.AddMinutes(-6), SecondFactor: true, "Lösenord och engångskod"), Sha, "portal"))
            .Message.ShouldContain("fem minuterna");
        minutes.MinutesApprovals.ShouldBeEmpty();

        minutes.Approve(Anna, UserId, at, new StrongAuthentication(at.AddMinutes(-4), SecondFactor: true, "Lösenord och engångskod"), Sha, "portal");
        var approval = minutes.MinutesApprovals.Single();
        (approval.PersonId, approval.UserId, approval.ApprovedAt, approval.Sha256, approval.Provider).ShouldBe((Anna, UserId, at, Sha, "portal"));
        approval.AuthenticatedAt.ShouldBe(at.AddMinutes(-4));
    }

    [Fact]
    public void Sending_for_justering_needs_the_meeting_closed_signers_appointed_and_every_decision_written()
    {
        var minutes = Held();
        minutes.WriteSection(65, "Ärende 5", [], null, null, null, null, AppealKind.LegalityReview, null, false);
        minutes.ProblemsBeforeApproval().ShouldBe(["Sammanträdet är inte avslutat.", "Ordförande och justerare är inte utsedda.", "§ 65 saknar beslut."]);
        Should.Throw<DomainException>(() => minutes.SubmitForApproval(Guid.NewGuid(), Sha, Opened));
        minutes.Status.ShouldBe(MinutesStatus.Draft);
    }

    [Fact]
    public void Inserting_and_removing_a_section_keeps_the_block_gapless_and_moves_what_is_tied_to_numbers()
    {
        var minutes = Held();
        minutes.AddChange(Bo, AttendanceChangeKind.Leaves, 64, null, new TimeOnly(14, 0));
        minutes.AddAdjournment(63, new TimeOnly(13, 0), new TimeOnly(13, 15));

        minutes.InsertSection(62, new SectionDraft(null, SectionKind.Decision, "Extra ärende"));
        minutes.Sections.Select(s => (s.Number, s.Title)).ShouldBe([(61, "Ärende 1"), (62, "Extra ärende"), (63, "Ärende 2"), (64, "Ärende 3"), (65, "Ärende 4"), (66, "Ärende 5")]);
        minutes.Changes.Single().FromSection.ShouldBe(65);
        minutes.Adjournments.Single().AfterSection.ShouldBe(64);
        minutes.ServingIn(64).ShouldContain(Bo);
        minutes.ServingIn(65).ShouldNotContain(Bo);

        minutes.RemoveSection(64);
        minutes.Sections.Select(s => s.Number).ShouldBe([61, 62, 63, 64, 65]);
        minutes.Adjournments.Single().AfterSection.ShouldBe(63);
        minutes.Changes.Single().FromSection.ShouldBe(64);
    }

    [Fact]
    public void A_change_that_would_leave_a_recorded_vote_without_its_voter_is_refused()
    {
        var minutes = Held();
        minutes.AddProposal(63, Bo, ProposalKind.Reject, null);
        var ex = Should.Throw<DomainException>(() => minutes.AddChange(Bo, AttendanceChangeKind.Leaves, 62, null, new TimeOnly(13, 0)));
        ex.Message.ShouldContain("§ 63");
        minutes.Changes.ShouldBeEmpty();
        minutes.ServingIn(63).ShouldContain(Bo);
    }
}
