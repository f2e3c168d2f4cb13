namespace Nämndportal.Domain.Files;

/// <summary>
/// What a produced file was made from. Access to the file is decided from its source at every download, never from who
/// asked for it: see docs/security.md, "Produced files".
/// </summary>
/// <remarks>Stored by name. The meetings issue adds NoticePack (kallelse), Minutes (protokoll) and MinutesExtract (protokollsutdrag).</remarks>
public enum StoredFileSource
{
    /// <summary>The sample kallelse of the PDF pipeline (provutskrift): made from no record, read by the user who asked only.</summary>
    Sample,

    /// <summary>The printed tjänsteskrivelse of a case: read by whoever may read the case's tjänsteskrivelse.</summary>
    OfficerReport,
}
