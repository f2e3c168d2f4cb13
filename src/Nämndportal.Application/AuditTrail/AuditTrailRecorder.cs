using Nämndportal.Application.Common;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.AuditTrail;

/// <summary>
/// Writes the audit-trail lines that are not changes: reads and downloads of secret-marked handlingar and of produced
/// files that hold secret material. Changes to
/// cases and everything in them are recorded by the persistence layer on every save, without a call from here.
/// Add the line to the same context as the read's other work and save it before the content is handed out.
/// </summary>
public sealed class AuditTrailRecorder(ICurrentUser user, TimeProvider clock)
{
    public void SecretRead(IAppDbContext db, CaseDocument document, string caseNumber, int? versionNumber, bool download)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var version = versionNumber is { } v ? $", version {v}" : string.Empty;
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress,
            download ? AuditActions.SecretDownloaded : AuditActions.SecretRead,
            nameof(CaseDocument), document.Id, document.CaseId,
            $"Handling {document.Ordinal}{version} i ärende {caseNumber} ({document.SecrecyProvision})"));
    }

    /// <summary>A download from the meeting reader of material that is not secret, carrying its spårbarhetsstämpel.</summary>
    public void StampedDownload(IAppDbContext db, string entityType, Guid entityId, Guid? caseId, string what)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress,
            AuditActions.StampedDownload, entityType, entityId, caseId, what));
    }

    /// <summary>
    /// An address of the meeting reader answered "finns inte, eller så saknar du behörighet": another organ's meeting, a
    /// handling not on the agenda, a secret handling, or nothing at all. The summary names only what was asked for, by id.
    /// </summary>
    public void ReaderRefused(IAppDbContext db, Guid meetingId, string what)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress,
            AuditActions.ReaderRefused, nameof(Meeting), meetingId, null, $"Läsläget: {what} finns inte eller får inte läsas"));
    }

    /// <summary>A revisor read an organ's follow-up (the overview, a report and its answers): the organ is the line's entity.</summary>
    public void AuditMaterialRead(IAppDbContext db, Guid organId, string what)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress, AuditActions.AuditMaterialRead, nameof(Domain.Organisation.Organ), organId, null, what));
    }

    /// <summary>A download of a produced file that holds secret-marked material (<c>/filer/{id}</c>).</summary>
    public void SecretFileRead(IAppDbContext db, Guid fileId, Guid? caseId, string what)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress,
            AuditActions.SecretDownloaded, nameof(StoredFile), fileId, caseId, $"{what}, med sekretessmarkerat innehåll"));
    }
}
