namespace Nämndportal.Domain.NoticeBoard;

/// <summary>What an anslag announces. Stored by name; the protokoll issue adds Protokoll and later Delegationsbeslut.</summary>
public enum PostingKind
{
    /// <summary>The kallelse of a public meeting (rule 2) or of fullmäktige (rule 3, KL 8:10).</summary>
    Kallelse,
}
