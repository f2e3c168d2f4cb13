using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Minutes;

/// <summary>One member's answer in a vote: Ja (the proposition the chair put first), Nej (the other) or Avstår.</summary>
public enum Ballot
{
    Ja,
    Nej,
    Avstar,
}

/// <summary>How a vote's result was reached.</summary>
public enum VoteDecision
{
    /// <summary>More Ja than Nej, or the other way round.</summary>
    Majority,

    /// <summary>A tie in an open vote, decided by the chair (rule 9).</summary>
    CastingVote,

    /// <summary>A tie in a val, decided by lot drawn at the meeting (rule 9).</summary>
    Lot,
}

/// <summary>The outcome: the winning side, the counts, and how it was decided.</summary>
public sealed record VoteResult(Ballot Winner, int JaCount, int NejCount, int AbstainCount, VoteDecision DecidedBy);

/// <summary>
/// A vote in a § (domain.md rules 8 and 9). Only the members serving in the § vote: a jävig member is not serving (rule 7).
/// In an open vote every serving member's Ja, Nej or Avstår is recorded, and a tie is decided by the chair's casting vote.
/// In a val the ballots may be secret (only the counts are recorded), and a tie is decided by lot.
/// </summary>
public static class Vote
{
    /// <summary>
    /// An open vote. <paramref name="ballots"/> holds every serving member's answer, by person. A tie is decided by the
    /// chair's vote (utslagsröst); <paramref name="castingVote"/> is the side a chair who abstained chooses.
    /// </summary>
    public static VoteResult Open(IReadOnlySet<Guid> serving, Guid chair, IReadOnlyDictionary<Guid, Ballot> ballots, Ballot? castingVote)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(ballots);
        if (ballots.Keys.Any(voter => !serving.Contains(voter)))
        {
            throw new DomainException("Bara de som tjänstgör i paragrafen får rösta; en röst kommer från någon som inte tjänstgör.");
        }

        var missing = serving.Count(member => !ballots.ContainsKey(member));
        if (missing > 0)
        {
            throw new DomainException($"Varje tjänstgörande ledamot ska svara Ja, Nej eller Avstår; {missing} har inget svar.");
        }

        if (!serving.Contains(chair))
        {
            throw new DomainException("Ordföranden tjänstgör inte i paragrafen och kan inte avgöra en omröstning.");
        }

        var ja = ballots.Values.Count(b => b == Ballot.Ja);
        var nej = ballots.Values.Count(b => b == Ballot.Nej);
        var abstain = ballots.Count - ja - nej;
        if (ja != nej)
        {
            return new VoteResult(ja > nej ? Ballot.Ja : Ballot.Nej, ja, nej, abstain, VoteDecision.Majority);
        }

        // The chair's vote decides a tie; a chair who abstained must still choose a side.
        var chairs = ballots[chair] is Ballot.Ja or Ballot.Nej ? ballots[chair] : castingVote;
        if (castingVote is { } chosen && chairs != chosen)
        {
            throw new DomainException($"Ordförandens utslagsröst är ordförandens egen röst ({ballots[chair]}).");
        }

        return chairs is Ballot.Ja or Ballot.Nej
            ? new VoteResult(chairs.Value, ja, nej, abstain, VoteDecision.CastingVote)
            : throw new DomainException("Omröstningen slutade lika och ordföranden avstod: ordföranden avgör med sin utslagsröst (Ja eller Nej).");
    }

    /// <summary>
    /// A val, perhaps by secret ballot: only the counts are recorded, and they may not exceed the serving members.
    /// <paramref name="lot"/> is the side the lot drawn at the meeting chose, needed only when the counts are equal.
    /// </summary>
    public static VoteResult Election(int servingCount, int jaCount, int nejCount, int abstainCount, Ballot? lot)
    {
        if (jaCount < 0 || nejCount < 0 || abstainCount < 0)
        {
            throw new DomainException("Antalet röster kan inte vara negativt.");
        }

        if (jaCount + nejCount + abstainCount != servingCount)
        {
            throw new DomainException($"Rösterna ({jaCount + nejCount + abstainCount}) ska vara lika många som de tjänstgörande ledamöterna ({servingCount}).");
        }

        if (jaCount != nejCount)
        {
            return new VoteResult(jaCount > nejCount ? Ballot.Ja : Ballot.Nej, jaCount, nejCount, abstainCount, VoteDecision.Majority);
        }

        return lot is Ballot.Ja or Ballot.Nej
            ? new VoteResult(lot.Value, jaCount, nejCount, abstainCount, VoteDecision.Lot)
            : throw new DomainException("Valet slutade lika: det avgörs genom lottning, och lottens utfall ska anges.");
    }
}
