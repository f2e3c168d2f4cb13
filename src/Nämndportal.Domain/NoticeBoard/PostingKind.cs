namespace Nämndportal.Domain.NoticeBoard;

/// <summary>What an anslag announces. Stored by name; the delegation issue adds Delegationsbeslut.</summary>
public enum PostingKind
{
    /// <summary>The kallelse of a public meeting (rule 2) or of fullmäktige (rule 3, KL 8:10).</summary>
    Kallelse,

    /// <summary>The justering of a protokoll (rule 15, KL 8:12), or of one § justerad at once (rule 14).</summary>
    Protokoll,
}
