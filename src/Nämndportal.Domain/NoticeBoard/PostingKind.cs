namespace Nämndportal.Domain.NoticeBoard;

/// <summary>What an anslag announces. Stored by name.</summary>
public enum PostingKind
{
    /// <summary>The kallelse of a public meeting (rule 2) or of fullmäktige (rule 3, KL 8:10).</summary>
    Kallelse,

    /// <summary>The justering of a protokoll (rule 15, KL 8:12), or of one § justerad at once (rule 14).</summary>
    Protokoll,

    /// <summary>An appealable delegationsbeslut that will not be reported to the organ (KL 8:10, rule 20).</summary>
    Delegationsbeslut,
}
