using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.NoticeBoard;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>The secretary writes a rättelse of a justerat protokoll: of § <paramref name="Section"/>, or of the whole when null.</summary>
public sealed record CorrectMinutes(Guid MinutesId, uint Version, int? Section, string Text);

/// <summary>The secretary withdraws a rättelse nobody has finished justering.</summary>
public sealed record WithdrawCorrection(Guid MinutesId, uint Version, Guid CorrectionId);

/// <summary>A signer approves a rättelse over the checksum of its print, with password and a fresh code (rules 13, 27).</summary>
public sealed record ApproveCorrection(Guid MinutesId, uint Version, Guid CorrectionId, string Sha256, string Password, string Code);

/// <summary>
/// A rättelse (rule 13): the justerat protokoll never changes, so a mistake found later is corrected by a new recorded act.
/// The secretary writes it, the portal prints it ("Rättelse av protokoll", the § it concerns, the text, signature lines) and
/// keeps the print; the chair and the justerare approve exactly that print as they approved the protokoll, and the last
/// signature prints the signed rättelse with its PDF/A rendition and announces it on the anslagstavla with its own appeal time.
/// </summary>
public sealed class CorrectMinutesHandler(
    IAppDbContextFactory dbFactory,
    AccessService access,
    ICurrentUser user,
    IUserDirectory users,
    ISigningProvider signing,
    MinutesJustering justering,
    TimeProvider clock,
    IPublicPageCache publicPages,
    ILogger<CorrectMinutesHandler> logger)
{
    public async Task<Result<uint>> HandleAsync(CorrectMinutes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await MinutesEditing.EditAsync(dbFactory, access, request.MinutesId, request.Version, async (db, minutes) =>
        {
            // Refused before anything is printed: a draft, an unknown §, an empty text, a rättelse already waiting.
            var writtenBy = await DraftMinutesHandler.NameOfAsync(db, users, user, cancellationToken) ?? user.UserName ?? "nämndsekreteraren";
            await justering.WriteCorrectionAsync(db, minutes, request.Section, request.Text, writtenBy, clock.GetUtcNow(), cancellationToken);
            return null;
        }, cancellationToken);
    }

    public Task<Result<uint>> HandleAsync(WithdrawCorrection request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MinutesEditing.EditAsync(dbFactory, access, request.MinutesId, request.Version, (_, minutes) =>
        {
            minutes.WithdrawCorrection(request.CorrectionId);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);
    }

    public async Task<Result<ApprovalOutcome>> HandleAsync(ApproveCorrection request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await MinutesSigning.SignAsync(
            dbFactory, access, user, signing, clock, request.MinutesId, request.Version, request.Sha256, request.Password, request.Code,
            async (db, signer, now) =>
            {
                var minutes = signer.Minutes;
                var justerad = minutes.ApproveCorrection(request.CorrectionId, signer.PersonId, signer.UserId, now, signer.Authentication, request.Sha256, signing.Name);
                if (justerad)
                {
                    await justering.CompleteCorrectionAsync(db, minutes, minutes.Corrections.Single(c => c.Id == request.CorrectionId), now, user.UserName ?? "system", cancellationToken);
                }

                return justerad;
            }, cancellationToken);
        if (outcome.Value is { Justerat: true })
        {
            // The rättelse's anslag went up, and the public protokoll shows it.
            await publicPages.EvictAsync(cancellationToken);
            logger.LogInformation("Rättelse {CorrectionId} of protokoll {MinutesId} justerad", request.CorrectionId, request.MinutesId);
        }

        return outcome;
    }
}
