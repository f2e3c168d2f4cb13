using Nämndportal.Domain.Files;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;

namespace Nämndportal.Application.Reader;

/// <summary>An agenda item's tjänsteskrivelse as a PDF, for the meeting reader (<c>/sammantraden/{meetingId}/las/punkt/{itemId}/tjansteskrivelse</c>).</summary>
public sealed record GetReaderOfficerReport(Guid MeetingId, Guid AgendaItemId);

/// <summary>
/// The tjänsteskrivelse of the item's case, when the item puts it in the pack, printed as the pack prints it: the same
/// cached part (<see cref="NoticePackService.OfficerReportPdfAsync"/>), never a second print. It names a secret handling
/// only by number and provision, so it is not secret. Those the reader's rule refuses get "finns inte", recorded.
/// </summary>
public sealed class GetReaderOfficerReportHandler(
    IAppDbContextFactory dbFactory, AccessService access, AuditTrailRecorder auditTrail, NoticePackService packs)
{
    public async Task<Result<ReaderFile>> HandleAsync(GetReaderOfficerReport request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        Guid caseId;
        string? caseNumber;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var meeting = await ReaderAccess.MeetingAsync(db, grants, request.MeetingId, cancellationToken);
            var item = meeting?.Items.SingleOrDefault(i => i.Id == request.AgendaItemId);
            if (item?.CaseId is not { } id || !item.Documents.Any(d => d.IsOfficerReport))
            {
                return await ReaderAccess.RefuseAsync(db, auditTrail, request.MeetingId, $"tjänsteskrivelse (punkt {request.AgendaItemId})", "Tjänsteskrivelsen", cancellationToken);
            }

            (caseId, caseNumber) = (id, item.CaseNumber);
        }

        var pdf = await packs.OfficerReportPdfAsync(request.MeetingId, caseId, cancellationToken);
        if (pdf is null)
        {
            return new Error("no_pdf", "Ärendet har ingen tjänsteskrivelse ännu.");
        }

        var name = $"Tjänsteskrivelse {caseNumber ?? string.Empty}".Trim() + ".pdf";
        return Result<ReaderFile>.Ok(new ReaderFile(name, pdf, FileBlob.Checksum(pdf), isSecret: false));
    }
}
