using Nämndportal.Domain.Cases;

namespace Nämndportal.Infrastructure.Seeding;

/// <summary>
/// A fictitious demo case: its organ (short name), ärendemening, the statuses it has passed, its handlingar (each a
/// generated PDF) and its tjänsteskrivelse. <see cref="DemoCases"/> lists them.
/// </summary>
internal sealed record DemoCase(string Organ, string Title, CaseStatus[] Path, IReadOnlyList<DemoHandling> Handlingar, DemoReport? Report = null);

/// <summary>A handling of a demo case, uploaded as <see cref="FileName"/> with the PDF written from <see cref="Pdf"/>.</summary>
internal sealed record DemoHandling(
    DocumentDirection Direction, int DaysAfterRegistration, string Counterpart, string Description, string FileName, DemoPdfContent Pdf)
{
    public bool HideCounterpartPublicly { get; init; }

    public bool HideDescriptionPublicly { get; init; }

    /// <summary>The OSL provision the handling is marked secret under at once; null for an open handling.</summary>
    public string? SecrecyProvision { get; init; }
}

/// <summary>
/// The tjänsteskrivelse of a demo case. <see cref="DecisionBasis"/> holds the ordinals of the case's handlingar chosen as
/// beslutsunderlag; <see cref="Consequences"/> use the organ's headings.
/// </summary>
internal sealed record DemoReport(
    string[] Proposals,
    string SummaryHtml,
    string DescriptionHtml,
    int[] DecisionBasis,
    (string Heading, string Html)[] Consequences,
    string[] DispatchTo);
