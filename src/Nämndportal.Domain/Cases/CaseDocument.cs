using System.Text.RegularExpressions;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// A handling in a case: inkommen or upprättad, its date, sender or recipient and short description (OSL 5:2),
/// its versions (never overwritten) and an optional sekretessmarkering (OSL 5:5: the provision, the date, who marked it).
/// </summary>
public sealed partial class CaseDocument : Entity, IConcurrencyVersioned, ICaseOwned
{
    private CaseDocument()
    {
        Description = string.Empty;
    }

    public CaseDocument(Guid caseId, int ordinal, DocumentDirection direction, DateOnly documentDate, string? counterpart, string description)
        : this()
    {
        if (ordinal < 1)
        {
            throw new DomainException("Handlingens löpnummer börjar på 1.");
        }

        CaseId = caseId;
        Ordinal = ordinal;
        Describe(direction, documentDate, counterpart, description);
    }

    public Guid CaseId { get; private set; }

    /// <summary>The handling's number within its case (1, 2, 3 …), in the order registered.</summary>
    public int Ordinal { get; private set; }

    public DocumentDirection Direction { get; private set; }

    /// <summary>The date it came in or was drawn up.</summary>
    public DateOnly DocumentDate { get; private set; }

    /// <summary>Sender (inkommen) or recipient (upprättad), if any.</summary>
    public string? Counterpart { get; private set; }

    /// <summary>The short description of what the handling is about (OSL 5:2).</summary>
    public string Description { get; private set; }

    /// <summary>Sender or recipient is left out of anything public (domain rule 21).</summary>
    public bool HideCounterpartPublicly { get; private set; }

    /// <summary>The description is left out of anything public (domain rule 21).</summary>
    public bool HideDescriptionPublicly { get; private set; }

    /// <summary>The OSL provision of the sekretessmarkering, e.g. "OSL 26 kap. 1 §"; null when not marked.</summary>
    public string? SecrecyProvision { get; private set; }

    public DateOnly? SecrecyMarkedOn { get; private set; }

    public Guid? SecrecyMarkedByUserId { get; private set; }

    /// <summary>The name of who marked it, kept as written then (OSL 5:5).</summary>
    public string? SecrecyMarkedByName { get; private set; }

    public bool IsSecret => SecrecyProvision is not null;

    public uint Version { get; private set; }

    public void Describe(DocumentDirection direction, DateOnly documentDate, string? counterpart, string description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("Handlingen måste ha en kort beskrivning.");
        }

        Direction = direction;
        DocumentDate = documentDate;
        Counterpart = string.IsNullOrWhiteSpace(counterpart) ? null : counterpart.Trim();
        Description = description.Trim();
    }

    public void SetPublicHiding(bool hideCounterpart, bool hideDescription)
    {
        HideCounterpartPublicly = hideCounterpart;
        HideDescriptionPublicly = hideDescription;
    }

    /// <summary>
    /// The handling as a public page may show it: sender or recipient and description replaced by "(sekretess)" when
    /// hidden publicly or when the handling is secret-marked (its description may itself be secret).
    /// </summary>
    public PublicDocumentView PublicView() => new(
        Ordinal,
        Direction,
        DocumentDate,
        Counterpart is null ? null : HideCounterpartPublicly || IsSecret ? PublicDocumentView.Withheld : Counterpart,
        HideDescriptionPublicly || IsSecret ? PublicDocumentView.Withheld : Description);

    /// <summary>Marks the handling secret under an OSL provision, written as "OSL 26 kap. 1 §" (chapter, section, optional stycke/punkt).</summary>
    public void MarkSecret(string provision, DateOnly markedOn, Guid? markedByUserId, string markedByName)
    {
        var normalised = NormaliseProvision(provision)
            ?? throw new DomainException("Ange sekretessbestämmelsen i OSL, till exempel ”OSL 26 kap. 1 §”.");
        if (string.IsNullOrWhiteSpace(markedByName))
        {
            throw new DomainException("Det måste framgå vem som sekretessmarkerade handlingen.");
        }

        SecrecyProvision = normalised;
        SecrecyMarkedOn = markedOn;
        SecrecyMarkedByUserId = markedByUserId;
        SecrecyMarkedByName = markedByName.Trim();
    }

    /// <summary>Takes the marking away (after a new sekretessprövning); the change itself is in the audit trail.</summary>
    public void RemoveSecrecy()
    {
        SecrecyProvision = null;
        SecrecyMarkedOn = null;
        SecrecyMarkedByUserId = null;
        SecrecyMarkedByName = null;
    }

    /// <summary>"OSL 26 kap. 1 §" from forms like "26 kap 1 §", "osl 26:1", "OSL 21 kap. 1 § första stycket"; null if it is not one.</summary>
    public static string? NormaliseProvision(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = ProvisionPattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var chapter = match.Groups["chapter"].Value;
        var section = match.Groups["section"].Value;
        var rest = match.Groups["rest"].Value.Trim();
        return $"OSL {chapter} kap. {section} §" + (rest.Length > 0 ? " " + rest : string.Empty);
    }

    [GeneratedRegex(@"^(?:OSL\s*)?(?<chapter>\d{1,2}[a-z]?)\s*(?:kap\.?|:)\s*(?<section>\d{1,2}[a-z]?)\s*§?(?<rest>(?:\s+[\p{L}\d .,]{1,60})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionPattern();
}
