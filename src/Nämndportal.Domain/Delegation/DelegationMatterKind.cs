using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// What a point's matter is. The kinds KL 6:38 keeps for the organ itself cannot be delegated and are refused as points
/// (rule 18); they are listed so that the secretary classifies a point rather than the portal guessing from its words.
/// </summary>
public enum DelegationMatterKind
{
    /// <summary>Verkställighet-near and other ordinary matters the organ may delegate.</summary>
    Ordinary,

    /// <summary>Myndighetsutövning mot enskild that is neither of principle nor otherwise of greater importance.</summary>
    AuthorityOverIndividuals,

    /// <summary>KL 6:38 p. 1: the activity's goals, direction, scope or quality.</summary>
    GoalsAndDirection,

    /// <summary>KL 6:38 p. 2: submissions or statements to fullmäktige, and statements when the organ's or fullmäktige's decision is appealed.</summary>
    SubmissionToCouncil,

    /// <summary>KL 6:38 p. 3: myndighetsutövning mot enskild of principle or otherwise of greater importance.</summary>
    PrincipledAuthority,

    /// <summary>KL 6:38 p. 4: matters raised by a medborgarförslag and passed to the organ.</summary>
    CitizenProposal,

    /// <summary>KL 6:38 p. 5: matters that special provisions reserve for the organ.</summary>
    ReservedByLaw,
}

public static class DelegationMatterKinds
{
    /// <summary>The Swedish description the forms show.</summary>
    public static string SwedishName(this DelegationMatterKind kind) => kind switch
    {
        DelegationMatterKind.Ordinary => "Ärende som får delegeras",
        DelegationMatterKind.AuthorityOverIndividuals => "Myndighetsutövning mot enskild (inte av principiell beskaffenhet)",
        DelegationMatterKind.GoalsAndDirection => "Verksamhetens mål, inriktning, omfattning eller kvalitet",
        DelegationMatterKind.SubmissionToCouncil => "Framställning eller yttrande till fullmäktige, eller yttrande när nämndens eller fullmäktiges beslut överklagats",
        DelegationMatterKind.PrincipledAuthority => "Myndighetsutövning mot enskild av principiell beskaffenhet eller annars av större vikt",
        DelegationMatterKind.CitizenProposal => "Ärende som väckts genom medborgarförslag",
        DelegationMatterKind.ReservedByLaw => "Ärende som enligt särskilda föreskrifter ska avgöras av nämnden",
        _ => kind.ToString(),
    };

    /// <summary>KL 6:38's point for a kind that can never be delegated, or null for one that can.</summary>
    public static int? NonDelegablePoint(this DelegationMatterKind kind) => kind switch
    {
        DelegationMatterKind.GoalsAndDirection => 1,
        DelegationMatterKind.SubmissionToCouncil => 2,
        DelegationMatterKind.PrincipledAuthority => 3,
        DelegationMatterKind.CitizenProposal => 4,
        DelegationMatterKind.ReservedByLaw => 5,
        _ => null,
    };

    /// <summary>Rule 18: refuses a kind of matter the organ must decide itself.</summary>
    public static void EnsureDelegable(this DelegationMatterKind kind)
    {
        if (kind.NonDelegablePoint() is { } point)
        {
            throw new DomainException(
                $"{kind.SwedishName()} får inte delegeras (6 kap. 38 § {point} p. kommunallagen). Nämnden måste själv besluta i sådana ärenden.");
        }
    }
}
