namespace Nämndportal.Domain.Minutes;

/// <summary>A yrkande in a § by someone serving in it (rule 8). A withdrawn one is kept but not printed (rule 11).</summary>
public sealed class Proposal
{
    private Proposal()
    {
        Text = string.Empty;
    }

    internal Proposal(Guid personId, ProposalKind kind, string? text)
        : this()
    {
        PersonId = personId;
        Kind = kind;
        Text = MinutesText.Optional(text, 4000, "Yrkandet") ?? string.Empty;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public ProposalKind Kind { get; private set; }

    /// <summary>What is proposed, e.g. "att nämnden avslår förslaget" or an added att-sats; may be empty for a plain bifall.</summary>
    public string Text { get; private set; }

    public bool Withdrawn { get; internal set; }
}

/// <summary>One member's answer in an open vote.</summary>
public sealed class BallotEntry
{
    private BallotEntry()
    {
    }

    internal BallotEntry(Guid personId, Ballot ballot)
    {
        PersonId = personId;
        Ballot = ballot;
    }

    public Guid PersonId { get; private set; }

    public Ballot Ballot { get; private set; }
}

/// <summary>
/// A vote held in a § (rule 9): what Ja and Nej stood for, each serving member's answer in an open vote (only the
/// counts in a secret val), and the result <see cref="Vote"/> computed.
/// </summary>
public sealed class VoteRecord
{
    private VoteRecord()
    {
        JaMeans = string.Empty;
        NejMeans = string.Empty;
    }

    internal VoteRecord(bool isElection, bool secret, string jaMeans, string nejMeans, IEnumerable<BallotEntry> ballots, VoteResult result)
        : this()
    {
        IsElection = isElection;
        Secret = secret;
        JaMeans = MinutesText.Required(jaMeans, 500, "Vad Ja innebär");
        NejMeans = MinutesText.Required(nejMeans, 500, "Vad Nej innebär");
        Ballots = ballots.ToList();
        Winner = result.Winner;
        JaCount = result.JaCount;
        NejCount = result.NejCount;
        AbstainCount = result.AbstainCount;
        DecidedBy = result.DecidedBy;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public bool IsElection { get; private set; }

    /// <summary>A secret val: no ballots are kept, only the counts.</summary>
    public bool Secret { get; private set; }

    public string JaMeans { get; private set; }

    public string NejMeans { get; private set; }

    public List<BallotEntry> Ballots { get; private set; } = [];

    public Ballot Winner { get; private set; }

    public int JaCount { get; private set; }

    public int NejCount { get; private set; }

    public int AbstainCount { get; private set; }

    public VoteDecision DecidedBy { get; private set; }
}

/// <summary>A reservation (rule 10): announced before the meeting closed; written reasons until the justering deadline.</summary>
public sealed class Reservation
{
    private Reservation()
    {
    }

    internal Reservation(Guid personId, DateTimeOffset announcedAt, string? reasons)
    {
        PersonId = personId;
        AnnouncedAt = announcedAt.ToUniversalTime();
        Reasons = MinutesText.Optional(reasons, 8000, "Skälen");
        ReasonsAt = Reasons is null ? null : AnnouncedAt;
    }

    public Guid PersonId { get; private set; }

    public DateTimeOffset AnnouncedAt { get; private set; }

    /// <summary>The written reasons ("till förmån för eget yrkande", or a text handed in later).</summary>
    public string? Reasons { get; internal set; }

    public DateTimeOffset? ReasonsAt { get; internal set; }
}

/// <summary>A protokollsanteckning, at someone's request.</summary>
public sealed class MinutesNote
{
    private MinutesNote()
    {
        Text = string.Empty;
    }

    internal MinutesNote(Guid? personId, string text)
        : this()
    {
        PersonId = personId;
        Text = MinutesText.Required(text, 8000, "Protokollsanteckningen");
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Whose note it is; null for a note of the board (e.g. "Nämnden noterar …").</summary>
    public Guid? PersonId { get; private set; }

    public string Text { get; private set; }
}

/// <summary>Jäv in a § (rule 7): the person is not present for it; an ersättare may serve instead.</summary>
public sealed class Disqualification
{
    private Disqualification()
    {
    }

    internal Disqualification(Guid personId, Guid? substituteId)
    {
        PersonId = personId;
        SubstituteId = substituteId;
    }

    public Guid PersonId { get; private set; }

    public Guid? SubstituteId { get; private set; }
}

/// <summary>How a decision reached a recipient in "Beslutet skickas till".</summary>
public enum DispatchMethod
{
    /// <summary>By e-mail with the protokollsutdrag attached.</summary>
    Email,

    /// <summary>No address: marked as sent by post by the secretary.</summary>
    Post,
}

/// <summary>One line of a §'s dispatch log (expediering): to whom, how, when, by whom, which extract, and a failure if any.</summary>
public sealed class DispatchEntry
{
    private DispatchEntry()
    {
        Recipient = string.Empty;
        By = string.Empty;
    }

    internal DispatchEntry(string recipient, string? address, DispatchMethod method, Guid fileId, DateTimeOffset at, string by, string? failure)
    {
        Recipient = recipient;
        Address = address;
        Method = method;
        FileId = fileId;
        At = at.ToUniversalTime();
        By = by;
        Failure = failure;
    }

    /// <summary>The line of "Beslutet skickas till" it answers.</summary>
    public string Recipient { get; private set; }

    public string? Address { get; private set; }

    public DispatchMethod Method { get; private set; }

    public Guid FileId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    /// <summary>Why the mail could not be sent; null when it was.</summary>
    public string? Failure { get; private set; }

    public bool Succeeded => Failure is null;
}

/// <summary>A line of "Beslutet skickas till": a name, and an e-mail address when written as "Namn &lt;adress&gt;" or as an address.</summary>
public sealed record DispatchRecipient(string Name, string? Email)
{
    public static DispatchRecipient Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        var open = text.LastIndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            var address = text[(open + 1)..^1].Trim();
            var name = text[..open].Trim();
            return IsAddress(address) ? new DispatchRecipient(name.Length > 0 ? name : address, address) : new DispatchRecipient(text, null);
        }

        return IsAddress(text) ? new DispatchRecipient(text, text) : new DispatchRecipient(text, null);
    }

    private static bool IsAddress(string text) =>
        text.Count(c => c == '@') == 1 && text.IndexOf('@') > 0 && text.IndexOf('.', text.IndexOf('@')) > text.IndexOf('@') + 1 && !text.Any(char.IsWhiteSpace);
}
