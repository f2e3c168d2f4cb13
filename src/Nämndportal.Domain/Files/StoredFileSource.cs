namespace Nämndportal.Domain.Files;

/// <summary>
/// What a produced file was made from. Access to the file is decided from its source at every download, never from who
/// asked for it: see docs/security.md, "Produced files".
/// </summary>
/// <remarks>Stored by name.</remarks>
public enum StoredFileSource
{
    /// <summary>
    /// The sample kallelse of the PDF pipeline (provutskrift), retired with the meetings issue: no longer made, and a file
    /// made before is read by the user who asked for it only (it is made from no record).
    /// </summary>
    Sample,

    /// <summary>The printed tjänsteskrivelse of a case: read by whoever may read the case's tjänsteskrivelse.</summary>
    OfficerReport,

    /// <summary>
    /// One variant (<c>PackVariant</c>) of a sent kallelse version's pack; <see cref="StoredFile.SourceId"/> is the
    /// <c>NoticeVersion</c>. Read by the meeting's organ as the variant allows (docs/security.md, "Kallelse packs").
    /// </summary>
    NoticePack,

    /// <summary>
    /// A draft of a meeting's members' pack, printed by the secretary before sending (stamped "Utkast");
    /// <see cref="StoredFile.SourceId"/> is the <c>Meeting</c>. Read only by those who may plan the organ's meetings.
    /// </summary>
    NoticePackDraft,

    /// <summary>
    /// A member's export of their own notes (anteckningar) to PDF; <see cref="StoredFile.OwnerUserId"/> is the author.
    /// Read only by its owner, whatever anyone else's role: the notes are private (docs/security.md, "Private notes").
    /// </summary>
    MemberNotes,

    /// <summary>
    /// A print of a protokoll (the copy out for justering, the justerat one, its PDF/A rendition); <see cref="StoredFile.SourceId"/>
    /// is the <c>MeetingMinutes</c>. Read by whoever may read the protokoll: the organ's members on the meeting's date and its
    /// secretary; a print with secret §§ is audited at every read.
    /// </summary>
    Minutes,

    /// <summary>A protokollsutdrag of one §; read as <see cref="Minutes"/>.</summary>
    MinutesExtract,

    /// <summary>The public version of a justerat protokoll (rule 23: secret §§ as placeholders); public once published.</summary>
    MinutesPublic,

    /// <summary>
    /// The decision document of a delegationsbeslut (<see cref="StoredFile.SourceId"/> is the decision), uploaded by those
    /// who register it; an individual case's is secret.
    /// </summary>
    DelegatedDecision,

    /// <summary>
    /// A granskningsrapport or its cover letter (missivskrivelse); <see cref="StoredFile.SourceId"/> is the
    /// <c>AuditReport</c>. Read by those who may read the audit material of one of the report's organs (a revisor in scope).
    /// </summary>
    AuditReport,
}
