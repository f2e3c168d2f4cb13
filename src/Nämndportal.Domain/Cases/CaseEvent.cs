using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Cases;

/// <summary>
/// One line of a case's timeline. The text never holds a secret handling's description: a line about a handling
/// names it by its number, and the page shows the description only to those who may see it.
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
        Actor = string.Empty;
    }

    private CaseEvent(Guid caseId, DateTimeOffset at, string actor, CaseEventKind kind)
        : this()
    {
        CaseId = caseId;
        At = at;
        Actor = actor;
        Kind = kind;
    }

    public long Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The name of who did it ("system" for a background job).</summary>
    public string Actor { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public Guid? DocumentId { get; private set; }

    public int? DocumentOrdinal { get; private set; }

    public int? VersionNumber { get; private set; }

    public CaseStatus? FromStatus { get; private set; }

    public CaseStatus? ToStatus { get; private set; }

    public Guid? OtherCaseId { get; private set; }

    public Guid? MeetingId { get; private set; }

    /// <summary>The § number in the protokoll where the case was decided.</summary>
    public int? Paragraph { get; private set; }

    public static CaseEvent Registered(Guid caseId, DateTimeOffset at, string actor) => new(caseId, at, actor, CaseEventKind.Registered);

    public static CaseEvent DocumentAdded(Guid caseId, DateTimeOffset at, string actor, Guid documentId, int ordinal) =>
        new(caseId, at, actor, CaseEventKind.DocumentAdded) { DocumentId = documentId, DocumentOrdinal = ordinal, VersionNumber = 1 };

    public static CaseEvent VersionAdded(Guid caseId, DateTimeOffset at, string actor, Guid documentId, int ordinal, int versionNumber) =>
        new(caseId, at, actor, CaseEventKind.VersionAdded) { DocumentId = documentId, DocumentOrdinal = ordinal, VersionNumber = versionNumber };

    public static CaseEvent SecrecyChanged(Guid caseId, DateTimeOffset at, string actor, Guid documentId, int ordinal, bool secret) =>
        new(caseId, at, actor, secret ? CaseEventKind.DocumentMarkedSecret : CaseEventKind.DocumentSecrecyRemoved) { DocumentId = documentId, DocumentOrdinal = ordinal };

    public static CaseEvent StatusChanged(Guid caseId, DateTimeOffset at, string actor, CaseStatus from, CaseStatus to) =>
        new(caseId, at, actor, CaseEventKind.StatusChanged) { FromStatus = from, ToStatus = to };

    /// <summary>A status change caused by a meeting's agenda (put on it, taken off it): the line names the meeting.</summary>
    public static CaseEvent StatusChanged(Guid caseId, DateTimeOffset at, string actor, CaseStatus from, CaseStatus to, Guid meetingId) =>
        new(caseId, at, actor, CaseEventKind.StatusChanged) { FromStatus = from, ToStatus = to, MeetingId = meetingId };

    public static CaseEvent ReportSaved(Guid caseId, DateTimeOffset at, string actor) => new(caseId, at, actor, CaseEventKind.ReportSaved);

    public static CaseEvent Linked(Guid caseId, DateTimeOffset at, string actor, Guid otherCaseId, bool linked) =>
        new(caseId, at, actor, linked ? CaseEventKind.CaseLinked : CaseEventKind.CaseUnlinked) { OtherCaseId = otherCaseId };

    public static CaseEvent Decided(Guid caseId, DateTimeOffset at, string actor, Guid meetingId, int paragraph) =>
        new(caseId, at, actor, CaseEventKind.Decided) { MeetingId = meetingId, Paragraph = paragraph };
}
