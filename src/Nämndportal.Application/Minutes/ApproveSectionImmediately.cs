using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.Minutes;

/// <summary>Prints a § marked for omedelbar justering (rule 14): the print its signers approve.</summary>
public sealed record PrepareImmediateApproval(Guid MinutesId, uint Version, int Number);

/// <summary>A signer approves a § at once, over the checksum of its print, with password and a fresh code (rules 14, 27).</summary>
public sealed record ApproveSectionImmediately(Guid MinutesId, uint Version, int Number, string Sha256, string Password, string Code);

public sealed class PrepareImmediateApprovalHandler(IAppDbContextFactory dbFactory, AccessService access, MinutesPdfService pdf)
{
    public async Task<Result<uint>> HandleAsync(PrepareImmediateApproval request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await MinutesEditing.EditAsync(dbFactory, access, request.MinutesId, request.Version, async (db, minutes) =>
        {
            var section = minutes.Section(request.Number);
            var printed = await pdf.RenderAsync(minutes, MinutesPrintKind.Extract, extractSection: section.Number, cancellationToken: cancellationToken);
            var file = StoredFile.ForMinutes(
                $"Omedelbar justering {minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd} § {section.Number}.pdf", printed, minutes.Id,
                StoredFileSource.MinutesExtract, section.SecrecyProvision is not null);
            db.StoredFiles.Add(file);
            minutes.PrepareImmediateApproval(section.Number, file.Id, Convert.ToHexStringLower(SHA256.HashData(printed)));
            return null;
        }, cancellationToken);
    }
}

/// <summary>
/// Omedelbar justering of one § (rule 14): when the chair and every justerare have approved its print, the § is locked,
/// its case decided, and its anslag goes up today on its own, with its own appeal time (rules 15, 16).
/// </summary>
public sealed class ApproveSectionImmediatelyHandler(
    IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, ISigningProvider signing, TimeProvider clock,
    IPublicPageCache publicPages)
{
    public async Task<Result<ApprovalOutcome>> HandleAsync(ApproveSectionImmediately request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await MinutesSigning.SignAsync(
            dbFactory, access, user, signing, clock, request.MinutesId, request.Version, request.Sha256, request.Password, request.Code,
            async (db, signer, now) =>
            {
                var minutes = signer.Minutes;
                var done = minutes.ApproveSectionImmediately(request.Number, signer.PersonId, signer.UserId, now, signer.Authentication, request.Sha256, signing.Name);
                if (done)
                {
                    var today = SwedishTime.LocalDate(now);
                    var posting = Posting.ForMinutes(
                        minutes.OrganId, minutes.OrganName, minutes.MeetingId, minutes.Id, minutes.MeetingDate, $"§ {request.Number}", today, today,
                        minutes.KeptAt ?? minutes.OrganName, now, user.UserName ?? "okänd", request.Number);
                    db.Postings.Add(posting);
                    minutes.RecordImmediatePosting(request.Number, posting.Id);
                    await ApproveMinutesHandler.DecideCasesAsync(db, minutes, [minutes.Section(request.Number)], now, user.UserName ?? "okänd", cancellationToken);
                    await MinutesJustering.MarkReportedAsync(db, minutes, [minutes.Section(request.Number)], posting.UpOn, cancellationToken);
                }

                return done;
            }, cancellationToken);
        if (outcome.Value is { Justerat: true })
        {
            // The §'s own anslag went up.
            await publicPages.EvictAsync(cancellationToken);
        }

        return outcome;
    }
}
