using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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
/// rendition (rule 26) are kept, each decided case gets "Beslutat vid … §" and its new status, and the delegationsbeslut
/// and meddelanden reported in the protokoll are marked "anmäld vid … §" (rule 20). A rättelse (rule 13) is
/// printed and kept the same way, and its last signature sets off the same: its own anslag, signed print and PDF/A.
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
        await MarkReportedAsync(db, minutes, minutes.Sections.Where(s => s.ImmediatePostingId is null), posting.UpOn, cancellationToken);
    }

    /// <summary>
    /// Rule 20: the delegationsbeslut and meddelanden on the report of the § that carried it are "anmäld vid [organ] [datum]
    /// § N", and an appealable decision's appeal time runs from the day this protokoll's anslag went up — or, for a report §
    /// justerad at once (rule 14), from the day that §'s own anslag went up.
    /// </summary>
    internal static async Task MarkReportedAsync(
        IAppDbContext db, MeetingMinutes minutes, IEnumerable<MinutesSection> sections, DateOnly anslagUpOn, CancellationToken cancellationToken)
    {
        var itemIds = sections.Where(s => s.AgendaItemId is not null).Select(s => s.AgendaItemId!.Value).ToList();
        var reportItems = await db.AgendaItems.AsNoTracking()
            .Where(i => itemIds.Contains(i.Id) && i.Report != Domain.Meetings.AgendaReport.None)
            .Select(i => new { i.Id, i.Report })
            .ToListAsync(cancellationToken);
        foreach (var item in reportItems)
        {
            var section = minutes.Sections.First(s => s.AgendaItemId == item.Id).Number;
            if (item.Report == Domain.Meetings.AgendaReport.DelegatedDecisions)
            {
                foreach (var decision in await db.DelegatedDecisions.Where(d => d.ReportMeetingId == minutes.MeetingId && d.ReportedIn == null).ToListAsync(cancellationToken))
                {
                    decision.MarkReported(minutes.OrganName, minutes.MeetingDate, section, anslagUpOn);
                }
            }
            else
            {
                foreach (var message in await db.BoardMessages.Where(m => m.ReportMeetingId == minutes.MeetingId && m.ReportedIn == null).ToListAsync(cancellationToken))
                {
                    message.MarkReported(minutes.OrganName, minutes.MeetingDate, section);
                }
            }
        }
    }

    /// <summary>
    /// Prints rättelse number <see cref="MeetingMinutes.NextCorrectionNumber"/> of <paramref name="minutes"/>, keeps the print
    /// and records the rättelse with its checksum. Refused (before printing) unless <see cref="MeetingMinutes.EnsureCorrectable"/> allows it.
    /// </summary>
    public async Task<Correction> WriteCorrectionAsync(
        IAppDbContext db, MeetingMinutes minutes, int? section, string text, string writtenBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(minutes);
        minutes.EnsureCorrectable(section, text);
        var model = MinutesDocumentBuilder.BuildCorrection(minutes, minutes.NextCorrectionNumber, section, text, writtenBy, now, null);
        var printed = await pdf.RenderCorrectionAsync(model, cancellationToken);
        var file = StoredFile.ForMinutes(
            $"{CorrectionFileName(minutes, model.Title)}.pdf", printed, minutes.Id, StoredFileSource.Minutes, CorrectionIsSecret(minutes, section));
        db.StoredFiles.Add(file);
        return minutes.Correct(section, text, file.Id, Convert.ToHexStringLower(SHA256.HashData(printed)), writtenBy, now);
    }

    /// <summary>The rättelse's last signature: its anslag goes up today, and the signed print and its PDF/A rendition are kept.</summary>
    public async Task CompleteCorrectionAsync(
        IAppDbContext db, MeetingMinutes minutes, Correction correction, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(correction);
        var today = SwedishTime.LocalDate(now);
        var keptAt = minutes.KeptAt ?? minutes.OrganName;
        var posting = Posting.ForMinutesCorrection(
            minutes.OrganId, minutes.OrganName, minutes.MeetingId, minutes.Id, minutes.MeetingDate, correction.Title, today, today, keptAt, now, actor);
        var proof = new NoticeProof(minutes.MeetingDate, today, posting.UpOn, posting.DownOn, keptAt);
        var signed = await pdf.RenderCorrectionAsync(MinutesDocumentBuilder.BuildCorrection(minutes, correction, null, proof), cancellationToken);
        var archive = await archiver.ToPdfAAsync(signed, cancellationToken);
        var secret = CorrectionIsSecret(minutes, correction.Section);
        var name = CorrectionFileName(minutes, correction.Title);
        var signedFile = StoredFile.ForMinutes($"{name} (justerad).pdf", signed, minutes.Id, StoredFileSource.Minutes, secret);
        var archiveFile = StoredFile.ForMinutes($"{name} (PDF-A).pdf", archive, minutes.Id, StoredFileSource.Minutes, secret);
        db.StoredFiles.AddRange(signedFile, archiveFile);
        db.Postings.Add(posting);
        minutes.RecordCorrectionJustering(correction.Id, signedFile.Id, archiveFile.Id, posting.Id);
    }

    private static string CorrectionFileName(MeetingMinutes minutes, string title) =>
        $"{title} – protokoll {minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd}";

    /// <summary>A rättelse of a closed § is secret like the §; one of the whole protokoll is, if the protokoll has a closed §.</summary>
    private static bool CorrectionIsSecret(MeetingMinutes minutes, int? section) =>
        section is { } number ? minutes.Section(number).SecrecyProvision is not null : minutes.Sections.Any(s => s.SecrecyProvision is not null);
}
