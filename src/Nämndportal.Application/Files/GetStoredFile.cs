using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Files;

/// <summary>A produced file (<c>/filer/{id}</c>), for download.</summary>
public sealed record GetStoredFile(Guid FileId);

/// <param name="ContainsSecret">Holds secret-marked material: the response must not be cached.</param>
public sealed record ProducedFile(string FileName, string ContentType, byte[] Content, bool ContainsSecret);

/// <summary>
/// A produced file, to whoever may read what it was made from, decided now through <see cref="AccessService"/>: the PDF of
/// a tjänsteskrivelse to whoever may read the case's tjänsteskrivelse (ReadCase), and, if it holds secret material, only to
/// those who may read the case's secret handlingar, with the read in the audit trail before a byte is handed out. A sample
/// and an export of a member's notes go to the user who asked for it only. Administrators get no right of their own, and asking for a file gives none
/// either: a member who has left the organ no longer gets the PDF they once made. Unknown and forbidden answer alike.
/// </summary>
public sealed class GetStoredFileHandler(IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail)
{
    public async Task<Result<ProducedFile>> HandleAsync(GetStoredFile request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // The bytes are read only once access is decided (and a secret read recorded).
        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == request.FileId)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.OwnerUserId, f.Source, f.SourceId, f.CaseId, f.ContainsSecret })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Error.NotFound("Filen");
        }

        switch (file.Source)
        {
            case StoredFileSource.Sample:
            case StoredFileSource.MemberNotes:
                // Made from nothing else (a sample) or from the owner's private notes: the owner alone reads it.
                if (grants.UserId is not { } me || file.OwnerUserId != me)
                {
                    return Error.NotFound("Filen");
                }

                break;

            case StoredFileSource.OfficerReport:
                var @case = file.CaseId is { } caseId ? await db.FindCaseAsync(grants, caseId, cancellationToken) : null;
                if (@case is null
                    || !await db.OfficerReports.AnyAsync(r => r.Id == file.SourceId && r.CaseId == @case.Id, cancellationToken)
                    || (file.ContainsSecret && !grants.CanReadSecret(@case.OrganId, @case.CaseOfficerUserId)))
                {
                    return Error.NotFound("Filen");
                }

                if (file.ContainsSecret)
                {
                    auditTrail.SecretFileRead(db, file.Id, @case.Id, $"Tjänsteskrivelse i ärende {@case.Number} (PDF)");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            case StoredFileSource.NoticePack:
                if (await NoticePackReadableAsync(db, grants, file.Id, file.SourceId, cancellationToken) is not { } packMeeting)
                {
                    return Error.NotFound("Filen");
                }

                if (file.ContainsSecret)
                {
                    auditTrail.SecretFileRead(db, file.Id, null, $"Kallelse med handlingar till {packMeeting}");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            case StoredFileSource.NoticePackDraft:
                var draftMeeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == file.SourceId, cancellationToken);
                if (draftMeeting is null
                    || !grants.Can(Operation.ManageOrgan, draftMeeting.OrganId)
                    || (file.ContainsSecret && !grants.Can(Operation.ReadSecretDocuments, draftMeeting.OrganId)))
                {
                    return Error.NotFound("Filen");
                }

                if (file.ContainsSecret)
                {
                    auditTrail.SecretFileRead(db, file.Id, null, $"Utkast till kallelse med handlingar ({draftMeeting.LocalDate:yyyy-MM-dd})");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            case StoredFileSource.Minutes:
            case StoredFileSource.MinutesExtract:
                var minutes = await db.MeetingMinutes.AsNoTracking().Where(m => m.Id == file.SourceId)
                    .Select(m => new { m.Id, m.OrganId, m.OrganName, m.MeetingDate }).SingleOrDefaultAsync(cancellationToken);
                if (minutes is null
                    || !(grants.Can(Operation.ReadHandlingar, minutes.OrganId, minutes.MeetingDate) || grants.Can(Operation.ManageOrgan, minutes.OrganId)))
                {
                    return Error.NotFound("Filen");
                }

                if (file.ContainsSecret)
                {
                    auditTrail.SecretFileRead(db, file.Id, null, $"Protokoll {minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd} med sekretessparagrafer (PDF)");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            case StoredFileSource.MinutesPublic:
                // The public version is read by anyone once it is published on the anslagstavla (it holds no secret §).
                if (!await db.MeetingMinutes.AnyAsync(m => m.Id == file.SourceId && m.PublicFileId == file.Id, cancellationToken))
                {
                    return Error.NotFound("Filen");
                }

                break;

            case StoredFileSource.DelegatedDecision:
                // Those who register read every decision document; the organ's readers those of decisions that are not
                // individual cases; the delegate those of their own decisions.
                var decision = await db.DelegatedDecisions.AsNoTracking().Where(d => d.Id == file.SourceId && d.DocumentFileId == file.Id)
                    .Select(d => new { d.OrganId, d.IndividualCase, d.DelegateUserId, d.Number, d.Year }).SingleOrDefaultAsync(cancellationToken);
                if (decision is null
                    || !(grants.Can(Operation.RegisterDelegatedDecisions, decision.OrganId)
                         || (grants.UserId is { } delegateId && decision.DelegateUserId == delegateId)
                         || (!decision.IndividualCase && grants.Can(Operation.ReadDelegatedDecisions, decision.OrganId))))
                {
                    return Error.NotFound("Filen");
                }

                if (file.ContainsSecret)
                {
                    auditTrail.SecretFileRead(db, file.Id, null, $"Beslutsdokument till delegationsbeslut {decision.Number}/{decision.Year} (enskilt individärende)");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            case StoredFileSource.AuditReport:
                // A granskningsrapport and its cover letter: read by those who may read the audit material of one of its
                // organs; a revisor's read is in the audit trail like their other reads of it.
                var reportOrgans = await db.AuditReports.AsNoTracking()
                    .Where(r => r.Id == file.SourceId && (r.ReportFileId == file.Id || r.CoverLetterFileId == file.Id))
                    .Select(r => r.OrganIds).SingleOrDefaultAsync(cancellationToken);
                var readable = reportOrgans?.FirstOrDefault(o => grants.Can(Operation.ReadAuditMaterial, o) || grants.Can(Operation.ManageFollowUp, o));
                if (reportOrgans is null || readable is null || readable == Guid.Empty)
                {
                    return Error.NotFound("Filen");
                }

                if (grants.IsAuditor)
                {
                    auditTrail.AuditMaterialRead(db, readable.Value, $"Granskningsrapportens fil {file.FileName}");
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;

            default:
                // A kind without a rule of its own here is read by nobody.
                return Error.NotFound("Filen");
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == file.Id).Select(f => f.Content).SingleAsync(cancellationToken);
        return Result<ProducedFile>.Ok(new ProducedFile(file.FileName, file.ContentType, content, file.ContainsSecret));
    }

    /// <summary>
    /// Who reads which variant of a sent kallelse's pack (docs/security.md, "Kallelse packs"): the members' pack (secret
    /// handlingar included) the members called to the meeting (a seat valid on its date) and those who handle the organ's
    /// secret matters; the pack without secret handlingar and the public pack everyone who may read the organ's handlingar
    /// for that date, or plan its meetings. Returns the meeting's name for the audit line, or null when refused.
    /// </summary>
    private static async Task<string?> NoticePackReadableAsync(IAppDbContext db, AccessSnapshot grants, Guid fileId, Guid? versionId, CancellationToken cancellationToken)
    {
        var found = await (from v in db.NoticeVersions.AsNoTracking()
                           join m in db.Meetings.AsNoTracking() on v.MeetingId equals m.Id
                           join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                           where v.Id == versionId
                           select new { Version = v, Meeting = m, o.ShortName }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var organId = found.Meeting.OrganId;
        var date = found.Meeting.LocalDate;
        var readsOrgan = grants.Can(Operation.ReadHandlingar, organId, date) || grants.Can(Operation.ManageOrgan, organId);
        var allowed = fileId == found.Version.MembersPackFileId
            ? grants.IsMemberDuring(organId, date, date) || grants.Can(Operation.ReadSecretDocuments, organId)
            : (fileId == found.Version.RedactedPackFileId || fileId == found.Version.PublicPackFileId) && readsOrgan;
        return allowed ? $"{found.ShortName} {date:yyyy-MM-dd}, version {found.Version.Number}" : null;
    }
}
