using System.Text.RegularExpressions;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Delegation;

/// <summary>Who a point delegates to (rule 18): an utskott, a member by elected role, or the holder of one position.</summary>
public enum DelegateKind
{
    /// <summary>An utskott of the organ: its decisions are reported as protokoll references.</summary>
    Committee,

    /// <summary>A member by role: ordförande, 1:e or 2:e vice ordförande.</summary>
    ElectedRole,

    /// <summary>One employee: the holder of a position ("Förvaltningschef", "Rektor Bärets förskola").</summary>
    Position,
}

/// <summary>
/// A delegate as a point names it. Never a group of employees or a mixed group (rule 18, KL 6:37): a position is one
/// befattning whose holder decides alone, so a title naming several people ("Handläggargruppen", "Ordförande och
/// förvaltningschef", "Rektorer") is refused.
/// </summary>
public sealed partial record DelegateRole
{
    private DelegateRole(DelegateKind kind, Guid? committeeId, MembershipRole? role, string? title, string name)
    {
        Kind = kind;
        CommitteeId = committeeId;
        Role = role;
        Title = title;
        Name = name;
    }

    public DelegateKind Kind { get; init; }

    /// <summary>The utskott (an organ of kind Utskott), for <see cref="DelegateKind.Committee"/>.</summary>
    public Guid? CommitteeId { get; init; }

    /// <summary>The elected role, for <see cref="DelegateKind.ElectedRole"/>.</summary>
    public MembershipRole? Role { get; init; }

    /// <summary>The position's title, for <see cref="DelegateKind.Position"/>.</summary>
    public string? Title { get; init; }

    /// <summary>How the report and the forms name the delegate: "Arbetsutskottet", "Ordförande", "Förvaltningschef".</summary>
    public string Name { get; init; }

    /// <summary>The key of the delegate's own number series ("94/2023"): one per delegate and organ.</summary>
    public string SeriesKey => Kind switch
    {
        DelegateKind.Committee => $"utskott:{CommitteeId}",
        DelegateKind.ElectedRole => $"roll:{Role}",
        _ => $"befattning:{Title!.ToLowerInvariant()}",
    };

    public static DelegateRole Committee(Guid committeeId, string name) =>
        new(DelegateKind.Committee, committeeId, null, null, Text(name, "Utskottets namn"));

    public static DelegateRole Elected(MembershipRole role) => role switch
    {
        MembershipRole.Ordforande or MembershipRole.ForsteViceOrdforande or MembershipRole.AndreViceOrdforande =>
            new(DelegateKind.ElectedRole, null, role, null, role.SwedishName()),
        _ => throw new DomainException("Till en förtroendevald delegeras efter roll: ordförande, 1:e eller 2:e vice ordförande."),
    };

    public static DelegateRole Position(string title)
    {
        var text = Text(title, "Befattningen");
        if (GroupWords().IsMatch(text))
        {
            throw new DomainException(
                $"”{text}” ser ut att vara en grupp. Beslutanderätt kan inte delegeras till en grupp av anställda eller en blandad grupp (6 kap. 37 § kommunallagen); ange en befattning.");
        }

        return new(DelegateKind.Position, null, null, text, text);
    }

    public bool Matches(DelegateRole other) => other is not null && SeriesKey == other.SeriesKey;

    private static string Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{field} måste anges.");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= 120 ? trimmed : throw new DomainException($"{field} får ha högst 120 tecken.");
    }

    // Two titles joined ("Ordförande och förvaltningschef", "Rektor/förskolechef", "Chef, handläggare"), a word for a group
    // of people, or a title in the plural. A single title with "och" in it ("Verksamhetschef vård och omsorg") passes.
    [GeneratedRegex(@"(\b(och|samt|eller)\s+\p{L}*(ordförande|chef|rektor|handläggare|sekreterare|ledamot|ledamöter)\b|[/&+,]|\b\p{L}*grupp(en)?\b|\bteamet\b|\bsamtliga\b|\balla\b|\b\p{L}*(rektorer|chefer|handläggarna|ledamöterna)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupWords();
}
