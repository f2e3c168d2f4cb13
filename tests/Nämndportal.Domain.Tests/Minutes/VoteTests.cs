using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Domain.Tests.Minutes;

public class VoteTests
{
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid[] Others = [.. Enumerable.Range(0, 6).Select(_ => Guid.NewGuid())];
    private static readonly HashSet<Guid> Serving = [Chair, .. Others];

    /// <summary>The answers in order: the chair's first, then the others'.</summary>
    private static Dictionary<Guid, Ballot> Ballots(params Ballot[] answers) =>
        new[] { Chair }.Concat(Others).Zip(answers).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public void Rule9_Open_vote_records_each_answer_and_the_larger_side_wins()
    {
        var result = Vote.Open(Serving, Chair, Ballots(Ballot.Nej, Ballot.Ja, Ballot.Ja, Ballot.Ja, Ballot.Nej, Ballot.Avstar, Ballot.Ja), castingVote: null);
        result.ShouldBe(new VoteResult(Ballot.Ja, 4, 2, 1, VoteDecision.Majority));
    }

    [Fact]
    public void Rule9_Open_vote_tie_is_decided_by_the_chairs_casting_vote()
    {
        // The chair voted Nej in a 3–3 tie: Nej wins.
        var tied = Ballots(Ballot.Nej, Ballot.Ja, Ballot.Ja, Ballot.Nej, Ballot.Nej, Ballot.Avstar, Ballot.Ja);
        Vote.Open(Serving, Chair, tied, castingVote: null).ShouldBe(new VoteResult(Ballot.Nej, 3, 3, 1, VoteDecision.CastingVote));
        Should.Throw<DomainException>(() => Vote.Open(Serving, Chair, tied, castingVote: Ballot.Ja)).Message.ShouldContain("ordförandens egen röst");

        // A chair who abstained in a 3–3 tie must still choose.
        var abstained = Ballots(Ballot.Avstar, Ballot.Ja, Ballot.Ja, Ballot.Nej, Ballot.Nej, Ballot.Ja, Ballot.Nej);
        Vote.Open(Serving, Chair, abstained, castingVote: Ballot.Ja).ShouldBe(new VoteResult(Ballot.Ja, 3, 3, 1, VoteDecision.CastingVote));
        Should.Throw<DomainException>(() => Vote.Open(Serving, Chair, abstained, castingVote: null)).Message.ShouldContain("utslagsröst");
    }

    [Fact]
    public void Rule9_Election_tie_is_decided_by_lot_and_the_ballots_may_be_secret()
    {
        Vote.Election(servingCount: 7, jaCount: 3, nejCount: 3, abstainCount: 1, lot: Ballot.Ja).ShouldBe(new VoteResult(Ballot.Ja, 3, 3, 1, VoteDecision.Lot));
        Vote.Election(7, 2, 4, 1, lot: null).ShouldBe(new VoteResult(Ballot.Nej, 2, 4, 1, VoteDecision.Majority));
        Should.Throw<DomainException>(() => Vote.Election(7, 3, 3, 1, lot: null)).Message.ShouldContain("lottning");
        Should.Throw<DomainException>(() => Vote.Election(7, 4, 3, 1, lot: null)).Message.ShouldContain("lika många som de tjänstgörande");
    }

    [Fact]
    public void Rule8_Only_those_serving_in_the_section_vote()
    {
        var ballots = Ballots(Ballot.Ja, Ballot.Ja, Ballot.Ja, Ballot.Nej, Ballot.Nej, Ballot.Nej, Ballot.Ja);
        ballots[Guid.NewGuid()] = Ballot.Nej; // e.g. a jävig member, who is not serving in the § (rule 7)
        Should.Throw<DomainException>(() => Vote.Open(Serving, Chair, ballots, null)).Message.ShouldContain("inte tjänstgör");

        var missing = Ballots(Ballot.Ja, Ballot.Ja, Ballot.Ja, Ballot.Nej, Ballot.Nej, Ballot.Nej);
        Should.Throw<DomainException>(() => Vote.Open(Serving, Chair, missing, null)).Message.ShouldContain("1 har inget svar");

        var withoutChair = new HashSet<Guid>(Others);
        Should.Throw<DomainException>(() => Vote.Open(withoutChair, Chair, Others.ToDictionary(o => o, _ => Ballot.Ja), null))
            .Message.ShouldContain("Ordföranden tjänstgör inte");
    }
}
