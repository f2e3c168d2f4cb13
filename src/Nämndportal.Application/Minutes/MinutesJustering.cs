using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// What the last signature sets off, in the same save: the anslag goes up today with its computed take-down day (rules 15,
/// 16), the justerat print (with "Protokollet har signerats digitalt av …" and Bevis om anslagsdag) and its PDF/A-2b
/// rendition (rule 26) are kept, and each decided case gets "Beslutat vid … §" and its new status.
/// </summary>
public sealed class MinutesJustering(MinutesPdfService pdf, IPdfArchiver archiver)
{
    public async Task CompleteAsync(IAppDbContext db, MeetingMinutes minutes, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(minutes);
        var today = SwedishTime.LocalDate(now);
        var keptAt = minutes.KeptAt ?? minutes.OrganName;
        var posting = Posting.ForMinutes(
            minutes.OrganId, minutes.OrganName, minutes.MeetingId, minutes.Id, minutes.MeetingDate, $"§ {minutes.FirstNumber}–{minutes.LastNumber}",
            today, today, keptAt, now, actor);
        var proof = new NoticeProof(minutes.MeetingDate, today, posting.UpOn, posting.DownOn, keptAt);
        var signed = await pdf.RenderAsync(minutes, MinutesPrintKind.Full, proof, cancellationToken: cancellationToken);
        var archive = await archiver.ToPdfAAsync(signed, cancellationToken);
        var secret = minutes.Sections.Any(s => s.SecrecyProvision is not null);
        var signedFile = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (justerat)"), signed, minutes.Id, StoredFileSource.Minutes, secret);
        var archiveFile = StoredFile.ForMinutes(MinutesPdfService.FileName(minutes, " (PDF-A)"), archive, minutes.Id, StoredFileSource.Minutes, secret);
        db.StoredFiles.AddRange(signedFile, archiveFile);
        db.Postings.Add(posting);
        minutes.RecordJustering(signedFile.Id, archiveFile.Id, posting.Id);

        // A § justerad at once had its case decided then.
        await ApproveMinutesHandler.DecideCasesAsync(db, minutes, minutes.Sections.Where(s => s.ImmediatePostingId is null), now, actor, cancellationToken);
    }
}
