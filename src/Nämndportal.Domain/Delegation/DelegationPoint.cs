using System.Text.RegularExpressions;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Delegation;

/// <summary>
/// One point of a delegationsordning: a code ("3.2"), the kind of matter, to whom it is delegated and who stands in, the
/// law it is decided under, whether the förvaltningschef may pass it on (vidaredelegation, KL 7:6) and whether decisions
/// under it are reported to the organ.
/// </summary>
public sealed partial class DelegationPoint
{
    private DelegationPoint()
    {
        Code = string.Empty;
        Matter = string.Empty;
    }

    public DelegationPoint(
        string code, string matter, DelegationMatterKind matterKind, IReadOnlyList<DelegateRole> delegates, IReadOnlyList<DelegateRole>? substitutes,
        string? lawReference, bool mayPassOn, bool mustReport)
        : this()
    {
        ArgumentNullException.ThrowIfNull(delegates);
        matterKind.EnsureDelegable();
        var trimmedCode = (code ?? string.Empty).Trim();
        if (!CodePattern().IsMatch(trimmedCode))
        {
            throw new DomainException($"Punktens nummer ”{trimmedCode}” ska vara siffror med punkter emellan, till exempel 3.2.");
        }

        if (string.IsNullOrWhiteSpace(matter) || matter.Trim().Length > 500)
        {
            throw new DomainException("Beskriv ärendet (högst 500 tecken).");
        }

        if (delegates.Count == 0)
        {
            throw new DomainException($"Punkt {trimmedCode} måste ha minst en delegat.");
        }

        if (lawReference?.Trim().Length > 200)
        {
            throw new DomainException("Lagrummet får ha högst 200 tecken.");
        }

        var subs = substitutes ?? [];
        if (subs.Any(s => delegates.Any(d => d.Matches(s))))
        {
            throw new DomainException($"En delegat i punkt {trimmedCode} kan inte samtidigt vara sin egen ersättare.");
        }

        if (mayPassOn && delegates.All(d => d.Kind != DelegateKind.Position))
        {
            throw new DomainException("Bara en anställd (förvaltningschefen) får vidaredelegera beslutanderätt (7 kap. 6 § kommunallagen).");
        }

        Code = trimmedCode;
        Matter = matter.Trim();
        MatterKind = matterKind;
        Delegates = [.. delegates];
        Substitutes = [.. subs];
        LawReference = string.IsNullOrWhiteSpace(lawReference) ? null : lawReference.Trim();
        MayPassOn = mayPassOn;
        MustReport = mustReport;
    }

    public string Code { get; private set; }

    public string Matter { get; private set; }

    public DelegationMatterKind MatterKind { get; private set; }

    public List<DelegateRole> Delegates { get; private set; } = [];

    /// <summary>Who decides when the delegate is absent (ersättare för delegat).</summary>
    public List<DelegateRole> Substitutes { get; private set; } = [];

    /// <summary>"SoL 4 kap. 1 §", "Skollagen 8 kap. 14 §".</summary>
    public string? LawReference { get; private set; }

    /// <summary>Whether the förvaltningschef may pass the point on to another employee (vidaredelegation).</summary>
    public bool MayPassOn { get; private set; }

    /// <summary>Whether decisions under the point are reported to the organ (anmälan).</summary>
    public bool MustReport { get; private set; }

    /// <summary>Whether <paramref name="candidate"/> may decide under the point as delegate or substitute.</summary>
    public bool Names(DelegateRole candidate) => Delegates.Concat(Substitutes).Any(d => d.Matches(candidate));

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){0,3}$")]
    private static partial Regex CodePattern();
}
