using System.Security.Cryptography;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Files;

/// <summary>
/// A file the portal produced (a rendered PDF), kept with its checksum so what was produced can be proven later. It is
/// tied to what it was made from (<see cref="Source"/>, <see cref="SourceId"/>, <see cref="CaseId"/>): whoever may read
/// that source may read the file, decided again at each download. The user who asked for it gets no right of their own,
/// except for a <see cref="StoredFileSource.Sample"/>, which is made from nothing else.
/// </summary>
public sealed class StoredFile : Entity
{
    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    private StoredFile(string fileName, string contentType, byte[] content, Guid? ownerUserId, StoredFileSource source, Guid? sourceId, Guid? caseId, bool containsSecret)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Filen är tom.");
        }

        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        OwnerUserId = ownerUserId;
        Source = source;
        SourceId = sourceId;
        CaseId = caseId;
        ContainsSecret = containsSecret;
    }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>
    /// Who asked for it. Grants nothing, except for a <see cref="StoredFileSource.Sample"/> and a
    /// <see cref="StoredFileSource.MemberNotes"/> export: only its owner reads those.
    /// </summary>
    public Guid? OwnerUserId { get; private set; }

    /// <summary>What kind of record it was made from.</summary>
    public StoredFileSource Source { get; private set; }

    /// <summary>The record it was made from (the <see cref="Domain.Cases.OfficerReport"/>'s id); null for a sample.</summary>
    public Guid? SourceId { get; private set; }

    /// <summary>The case of the source, when the source belongs to a case.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>
    /// The printed document holds secret-marked material: only those who may read the case's secret handlingar get it,
    /// and each download is written to the audit trail before the bytes go out.
    /// </summary>
    public bool ContainsSecret { get; private set; }

    /// <summary>A sample (provutskrift) for <paramref name="ownerUserId"/>, the only one who may read it (nobody when null).</summary>
    public static StoredFile ForSample(string fileName, string contentType, byte[] content, Guid? ownerUserId) =>
        new(fileName, contentType, content, ownerUserId, StoredFileSource.Sample, null, null, containsSecret: false);

    /// <summary>
    /// The printed tjänsteskrivelse <paramref name="officerReportId"/> of case <paramref name="caseId"/>. It names a secret
    /// handling in its Beslutsunderlag only by number and OSL provision, so it holds no secret material unless
    /// <paramref name="containsSecret"/> says so.
    /// </summary>
    public static StoredFile ForOfficerReport(
        string fileName, byte[] content, Guid? requestedBy, Guid officerReportId, Guid caseId, bool containsSecret = false) =>
        new(fileName, "application/pdf", content, requestedBy, StoredFileSource.OfficerReport, officerReportId, caseId, containsSecret);

    /// <summary>One variant of kallelse version <paramref name="noticeVersionId"/>'s pack; the members' variant may hold secret handlingar.</summary>
    public static StoredFile ForNoticePack(string fileName, byte[] content, Guid noticeVersionId, bool containsSecret) =>
        new(fileName, "application/pdf", content, null, StoredFileSource.NoticePack, noticeVersionId, null, containsSecret);

    /// <summary>A print of protokoll <paramref name="minutesId"/>: the whole, an extract or the public version.</summary>
    public static StoredFile ForMinutes(string fileName, byte[] content, Guid minutesId, StoredFileSource source, bool containsSecret)
    {
        if (source is not (StoredFileSource.Minutes or StoredFileSource.MinutesExtract or StoredFileSource.MinutesPublic))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a print of a protokoll.");
        }

        return new(fileName, "application/pdf", content, null, source, minutesId, null, containsSecret && source != StoredFileSource.MinutesPublic);
    }

    /// <summary>The export of <paramref name="authorUserId"/>'s own notes, read by that user alone.</summary>
    public static StoredFile ForMemberNotes(string fileName, byte[] content, Guid authorUserId) =>
        new(fileName, "application/pdf", content, authorUserId, StoredFileSource.MemberNotes, null, null, containsSecret: false);

    /// <summary>A draft members' pack of meeting <paramref name="meetingId"/>, asked for by <paramref name="requestedBy"/>.</summary>
    public static StoredFile ForNoticePackDraft(string fileName, byte[] content, Guid meetingId, Guid? requestedBy, bool containsSecret) =>
        new(fileName, "application/pdf", content, requestedBy, StoredFileSource.NoticePackDraft, meetingId, null, containsSecret);

    /// <summary>The decision document of delegationsbeslut <paramref name="decisionId"/>, uploaded by <paramref name="uploadedBy"/>.</summary>
    public static StoredFile ForDelegatedDecision(string fileName, string contentType, byte[] content, Guid decisionId, Guid? uploadedBy, bool containsSecret) =>
        new(fileName, contentType, content, uploadedBy, StoredFileSource.DelegatedDecision, decisionId, null, containsSecret);

    /// <summary>A granskningsrapport's report or cover letter: public documents (allmänna handlingar, not secret).</summary>
    public static StoredFile ForAuditReport(string fileName, string contentType, byte[] content, Guid reportId, Guid? uploadedBy) =>
        new(fileName, contentType, content, uploadedBy, StoredFileSource.AuditReport, reportId, null, false);
}
