using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Meetings;

/// <summary>
/// One item of a meeting's föredragningslista, owned by <see cref="Meeting"/> (which numbers and orders its items).
/// A decision item carries its case; a closed item (enskilt ärende) shows only a neutral public title.
/// </summary>
public sealed class AgendaItem : Entity
{
    public const string NeutralPublicTitle = "Enskilt ärende";

    private readonly List<AgendaItemDocument> _documents = [];

    private AgendaItem()
    {
        Title = string.Empty;
    }

    internal AgendaItem(Guid meetingId, int position, AgendaItemKind kind, string title, Guid? caseId, string? caseNumber, bool isLateAddition)
    {
        if (kind == AgendaItemKind.Decision && caseId is null)
        {
            throw new DomainException("Ett beslutsärende måste höra till ett ärende.");
        }

        MeetingId = meetingId;
        Position = position;
        Kind = kind;
        Title = CheckedTitle(title);
        CaseId = caseId;
        CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim();
        IsLateAddition = isLateAddition;
    }

    public Guid MeetingId { get; private set; }

    /// <summary>The item's number on the agenda, 1 first; kept gapless by <see cref="Meeting"/>.</summary>
    public int Position { get; internal set; }

    public AgendaItemKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>What the public sees instead of <see cref="Title"/>; null means the title itself (or the neutral title when closed).</summary>
    public string? PublicTitle { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The case's diarienummer when the item was made (printed on the kallelse).</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>Föredragande: who presents the item.</summary>
    public string? Presenter { get; private set; }

    /// <summary>Planned time of the item (information items), Stockholm wall-clock.</summary>
    public TimeOnly? PlannedTime { get; private set; }

    /// <summary>Handled behind closed doors (individual matters): the public pack holds nothing of it.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>A report from the registers the pack prints as this standard item's document (redovisning av delegationsbeslut, of meddelanden).</summary>
    public AgendaReport Report { get; private set; }

    /// <summary>The last day of decisions or meddelanden the report takes in (brytdatum).</summary>
    public DateOnly? ReportCutOff { get; private set; }

    /// <summary>Extra ärende: added after the kallelse went out.</summary>
    public bool IsLateAddition { get; private set; }

    /// <summary>The handlingar the item puts in the kallelse pack, in order.</summary>
    public IReadOnlyList<AgendaItemDocument> Documents => _documents.OrderBy(d => d.Position).ToList();

    /// <summary>The title the public pack and the anslagstavla show (rule 2: a closed item never shows its matter).</summary>
    public string EffectivePublicTitle => IsClosed
        ? (string.IsNullOrWhiteSpace(PublicTitle) ? NeutralPublicTitle : PublicTitle)
        : (string.IsNullOrWhiteSpace(PublicTitle) ? Title : PublicTitle);

    internal void Update(string title, string? publicTitle, string? presenter, TimeOnly? plannedTime, bool isClosed)
    {
        if (isClosed && Report != AgendaReport.None)
        {
            throw new DomainException("En punkt med en redovisning är offentlig och kan inte behandlas inom stängda dörrar. Ta bort redovisningen först.");
        }

        Title = CheckedTitle(title);
        var trimmedPublic = string.IsNullOrWhiteSpace(publicTitle) ? null : publicTitle.Trim();
        if (trimmedPublic is { Length: > 300 })
        {
            throw new DomainException("Den offentliga rubriken får ha högst 300 tecken.");
        }

        if (isClosed && trimmedPublic is not null && string.Equals(trimmedPublic, Title, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("En punkt som behandlas inom stängda dörrar ska ha en neutral offentlig rubrik, inte ärendets rubrik.");
        }

        var trimmedPresenter = string.IsNullOrWhiteSpace(presenter) ? null : presenter.Trim();
        if (trimmedPresenter is { Length: > 200 })
        {
            throw new DomainException("Föredragande får ha högst 200 tecken.");
        }

        PublicTitle = trimmedPublic;
        Presenter = trimmedPresenter;
        PlannedTime = plannedTime;
        IsClosed = isClosed;
    }

    internal void SetReport(AgendaReport report, DateOnly? cutOff)
    {
        if (report != AgendaReport.None && Kind != AgendaItemKind.Standard)
        {
            throw new DomainException("En redovisning hör till en standardpunkt, som ”Redovisning av delegationsbeslut”.");
        }

        if (report != AgendaReport.None && cutOff is null)
        {
            throw new DomainException("Ange brytdatum för redovisningen.");
        }

        if (IsClosed && report != AgendaReport.None)
        {
            throw new DomainException("En redovisning kan inte behandlas inom stängda dörrar; den är offentlig.");
        }

        Report = report;
        ReportCutOff = report == AgendaReport.None ? null : cutOff;
    }

    /// <summary>Sets the pack's content for the item: the tjänsteskrivelse first when included, then the handlingar in the given order.</summary>
    internal void SetDocuments(bool includeOfficerReport, IReadOnlyList<Guid> caseDocumentIds)
    {
        if (CaseId is null && (includeOfficerReport || caseDocumentIds.Count > 0))
        {
            throw new DomainException("Bara en punkt som hör till ett ärende kan ha handlingar.");
        }

        if (caseDocumentIds.Distinct().Count() != caseDocumentIds.Count)
        {
            throw new DomainException("Samma handling kan bara finnas en gång i punkten.");
        }

        _documents.Clear();
        var position = 1;
        if (includeOfficerReport)
        {
            _documents.Add(AgendaItemDocument.OfficerReport(Id, position++));
        }

        foreach (var documentId in caseDocumentIds)
        {
            _documents.Add(AgendaItemDocument.Handling(Id, documentId, position++));
        }
    }

    private static string CheckedTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("Punkten måste ha en rubrik.");
        }

        var trimmed = title.Trim();
        return trimmed.Length <= 300 ? trimmed : throw new DomainException("Rubriken får ha högst 300 tecken.");
    }
}
