using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Organisation;

/// <summary>A decision-making body: fullmäktige, kommunstyrelse, a nämnd, or an utskott under one of them.</summary>
public sealed class Organ : Entity, IConcurrencyVersioned
{
    private Organ()
    {
        Name = string.Empty;
        ShortName = string.Empty;
        CaseNumberPrefix = string.Empty;
        ParagraphSeries = string.Empty;
        Rules = OrganRules.Default;
    }

    public Organ(string name, string shortName, OrganKind kind, string caseNumberPrefix, Guid? parentId = null)
        : this()
    {
        Update(name, shortName, kind, caseNumberPrefix, parentId, paragraphSeries: null, defaultMeetingPlace: null, OrganRules.Default);
    }

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    public OrganKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public string CaseNumberPrefix { get; private set; }

    /// <summary>
    /// The series the §§ of this organ's protokoll are numbered in, from 1 each calendar year. Its own short name
    /// unless the reglemente lets it share a series (an utskott numbering on in its nämnd's series, say).
    /// </summary>
    public string ParagraphSeries { get; private set; }

    public string? DefaultMeetingPlace { get; set; }

    public OrganRules Rules { get; private set; }

    /// <summary>How this organ writes its diarienummer (see <see cref="Cases.CaseNumberFormat"/>).</summary>
    public string CaseNumberPattern { get; private set; } = Cases.CaseNumberFormat.Default;

    /// <summary>The förvaltning that prepares this organ's cases, printed on its tjänsteskrivelser.</summary>
    public string? Administration { get; private set; }

    /// <summary>The konsekvensbeskrivning headings a tjänsteskrivelse for this organ offers (e.g. Ekonomi, Barnperspektiv).</summary>
    public List<string> ConsequenceHeadings { get; private set; } = [.. DefaultConsequenceHeadings];

    public static IReadOnlyList<string> DefaultConsequenceHeadings { get; } = ["Ekonomi", "Barnperspektiv", "Miljö", "Jämställdhet"];

    /// <summary>Standardpunkter: the items every new meeting's agenda starts with, in order.</summary>
    public List<string> StandardAgendaItems { get; private set; } = [.. DefaultStandardAgendaItems];

    public static IReadOnlyList<string> DefaultStandardAgendaItems { get; } =
        ["Val av justerare", "Anmälan av extra ärenden", "Redovisning av delegationsbeslut", "Redovisning av meddelanden"];

    /// <summary>The last day the organ existed, when it has been dissolved or merged.</summary>
    public DateOnly? EndedOn { get; private set; }

    public uint Version { get; private set; }

    public bool IsActiveOn(DateOnly date) => EndedOn is null || date <= EndedOn;

    public void Update(
        string name, string shortName, OrganKind kind, string caseNumberPrefix, Guid? parentId,
        string? paragraphSeries, string? defaultMeetingPlace, OrganRules rules)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Organet måste ha ett namn.");
        }

        if (string.IsNullOrWhiteSpace(shortName))
        {
            throw new DomainException("Organet måste ha en förkortning.");
        }

        if (string.IsNullOrWhiteSpace(caseNumberPrefix))
        {
            throw new DomainException("Organet måste ha ett diarieprefix.");
        }

        if (kind == OrganKind.Utskott && parentId is null)
        {
            throw new DomainException("Ett utskott måste höra till ett överordnat organ.");
        }

        if (kind != OrganKind.Utskott && parentId is not null)
        {
            throw new DomainException("Bara ett utskott kan ha ett överordnat organ.");
        }

        if (parentId == Id)
        {
            throw new DomainException("Ett organ kan inte vara sitt eget överordnade organ.");
        }

        Name = name.Trim();
        ShortName = shortName.Trim();
        Kind = kind;
        CaseNumberPrefix = caseNumberPrefix.Trim();
        ParentId = parentId;
        ParagraphSeries = string.IsNullOrWhiteSpace(paragraphSeries) ? ShortName : paragraphSeries.Trim();
        DefaultMeetingPlace = string.IsNullOrWhiteSpace(defaultMeetingPlace) ? DefaultMeetingPlace : defaultMeetingPlace.Trim();
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
    }

    public void SetCaseNumberPattern(string? pattern) => CaseNumberPattern = Cases.CaseNumberFormat.Parse(pattern).Pattern;

    /// <summary>Sets the förvaltning and the konsekvensbeskrivning headings (blank and repeated headings dropped).</summary>
    public void SetReportSettings(string? administration, IEnumerable<string> consequenceHeadings)
    {
        ArgumentNullException.ThrowIfNull(consequenceHeadings);
        var headings = consequenceHeadings.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (headings.Any(h => h.Length > 80))
        {
            throw new DomainException("En rubrik för konsekvensbeskrivning får ha högst 80 tecken.");
        }

        Administration = string.IsNullOrWhiteSpace(administration) ? null : administration.Trim();
        ConsequenceHeadings = headings;
    }

    /// <summary>Sets the standard items of new agendas (blank and repeated titles dropped).</summary>
    public void SetStandardAgendaItems(IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var items = titles.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (items.Any(t => t.Length > 300))
        {
            throw new DomainException("En standardpunkt får ha högst 300 tecken.");
        }

        if (items.Count > 30)
        {
            throw new DomainException("Ett organ kan ha högst 30 standardpunkter.");
        }

        StandardAgendaItems = items;
    }

    public void End(DateOnly lastDay)
    {
        if (EndedOn is not null)
        {
            throw new DomainException("Organet är redan avslutat.");
        }

        EndedOn = lastDay;
    }
}
