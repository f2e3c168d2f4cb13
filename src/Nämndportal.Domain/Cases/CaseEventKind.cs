namespace Nämndportal.Domain.Cases;

/// <summary>What happened in a case, for its timeline.</summary>
public enum CaseEventKind
{
    Registered,
    DocumentAdded,
    VersionAdded,
    DocumentMarkedSecret,
    DocumentSecrecyRemoved,
    StatusChanged,
    ReportSaved,
    CaseLinked,
    CaseUnlinked,

    /// <summary>Decided at a meeting, in a § (written from the protokoll issue on).</summary>
    Decided,
}
