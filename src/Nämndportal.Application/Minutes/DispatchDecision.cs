using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.Mail;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>Expedierar one §'s decision to everyone in its "Beslutet skickas till" not yet sent it.</summary>
public sealed record DispatchDecision(Guid MinutesId, int Number);

public sealed record DispatchOutcome(int Mailed, int ByPost, int Failed, Guid ExtractFileId);

/// <summary>
/// Expediering of one § (domain.md §3): prints the protokollsutdrag with the secretary's certification, mails it to each
/// recipient with an address ("Namn &lt;adress&gt;"), marks the others as sent by post, and logs each line on the §. A
/// recipient already sent it is skipped, and each line is saved as soon as its mail has gone, so running it again (after
/// a failure) sends nobody the decision twice. When every recipient has it, the case moves from Beslutat to Expedierat.
/// </summary>
public sealed class DispatchDecisionHandler(
    IAppDbContextFactory dbFactory, AccessService access, MinutesPdfService pdf, IMailer mailer, ICurrentUser user, TimeProvider clock,
    ILogger<DispatchDecisionHandler> logger)
{
    public async Task<Result<DispatchOutcome>> HandleAsync(DispatchDecision request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(request.MinutesId, track: true, cancellationToken);
        if (minutes is null || !grants.CanView(minutes))
        {
            return Error.NotFound("Protokollet");
        }

        if (!grants.CanWrite(minutes))
        {
            return Error.Forbidden();
        }

        var section = minutes.Sections.FirstOrDefault(s => s.Number == request.Number);
        if (section is null)
        {
            return Error.NotFound("Paragrafen");
        }

        if (minutes.Status != MinutesStatus.Approved && !section.IsLocked)
        {
            return Error.Invalid("Beslutet expedieras när paragrafen är justerad.");
        }

        var pending = section.SendTo.Where(to => !section.Dispatches.Any(d => d.Recipient == to && d.Succeeded)).ToList();
        if (pending.Count == 0)
        {
            return Error.Invalid(section.SendTo.Count == 0
                ? $"§ {section.Number} har ingen mottagare under ”Beslutet skickas till”."
                : $"Beslutet i § {section.Number} är redan expedierat till alla mottagare.");
        }

        var now = clock.GetUtcNow();
        var today = SwedishTime.LocalDate(now);
        var certification = $"Protokollsutdraget överensstämmer med originalprotokollet. {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {minutes.SecretaryName ?? "nämndsekreteraren"}, sekreterare.";
        var extract = await pdf.RenderAsync(minutes, MinutesPrintKind.Extract, extractSection: section.Number, certification: certification, cancellationToken: cancellationToken);
        var fileName = $"Protokollsutdrag {minutes.OrganName} {minutes.MeetingDate:yyyy-MM-dd} § {section.Number}.pdf";
        var file = StoredFile.ForMinutes(fileName, extract, minutes.Id, StoredFileSource.MinutesExtract, section.SecrecyProvision is not null);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);

        var by = user.UserName ?? "okänd";
        int mailed = 0, byPost = 0, failed = 0;
        foreach (var line in pending)
        {
            var recipient = DispatchRecipient.Parse(line);
            string? failure = null;
            if (recipient.Email is { } address)
            {
                try
                {
                    await mailer.SendAsync(Mail(minutes, section, recipient, address, fileName, extract), cancellationToken);
                    mailed++;
                }
                catch (MailDeliveryException ex)
                {
                    failure = "E-postservern tog inte emot brevet. Försök igen senare.";
                    failed++;
                    logger.LogWarning(ex, "Dispatch of § {Number} in protokoll {MinutesId} to one recipient failed", section.Number, minutes.Id);
                }
            }
            else
            {
                byPost++;
            }

            minutes.RecordDispatch(section.Number, line, recipient.Email, recipient.Email is null ? DispatchMethod.Post : DispatchMethod.Email, file.Id, clock.GetUtcNow(), by, failure);
            // Saved line by line: a mail that went out is on record before the next is tried.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (section.IsDispatched && section.CaseId is { } caseId && await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } @case
            && @case.Status == CaseStatus.Beslutat)
        {
            @case.MoveTo(CaseStatus.Expedierat);
            db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, clock.GetUtcNow(), by, CaseStatus.Beslutat, CaseStatus.Expedierat, minutes.MeetingId));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<DispatchOutcome>.Ok(new DispatchOutcome(mailed, byPost, failed, file.Id));
    }

    private static MailMessage Mail(MeetingMinutes minutes, MinutesSection section, DispatchRecipient recipient, string address, string fileName, byte[] extract)
    {
        var date = minutes.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = $"""
            Hej,

            {minutes.OrganName} beslutade vid sitt sammanträde {date} i § {section.Number}{(section.CaseNumber is { } dnr ? $" (dnr {dnr})" : string.Empty)}.
            Protokollsutdraget med beslutet finns bifogat.

            Med vänlig hälsning
            {minutes.SecretaryName ?? minutes.OrganName}
            """;
        // One id per protokoll, § and recipient line: a resend of the same dispatch is recognisable. No personal data in it.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Name + "|" + address)))[..16];
        return new MailMessage(new MailAddress(address, recipient.Name), $"Protokollsutdrag: {minutes.OrganName} {date} § {section.Number}", text, null,
            $"utdrag-{minutes.Id:N}-{section.Number}-{key}")
        {
            Attachments = [new MailAttachment(fileName, "application/pdf", extract)],
        };
    }
}
