using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>A signer ready to sign: the protokoll (tracked), who signs (their person) and the strong authentication just proven.</summary>
internal sealed record SignerProof(MeetingMinutes Minutes, Guid PersonId, Guid UserId, StrongAuthentication Authentication);

/// <summary>
/// The steps every signature shares (the protokoll's and a § justerad at once): the protokoll readable by the signer, the
/// signer one of its signers (as themselves, by their person), then password and code through the signing provider —
/// checked in that order, so the provider is asked only for someone who may sign.
/// </summary>
internal static class MinutesSigning
{
    public static async Task<Result<SignerProof>> ProveAsync(
        IAppDbContext db, AccessService access, ICurrentUser user, ISigningProvider signing, Guid minutesId, uint version,
        string sha256, string? password, string? code, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return Error.Forbidden();
        }

        var grants = await access.SnapshotAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(minutesId, track: true, cancellationToken);
        if (minutes is null || !grants.CanView(minutes))
        {
            return Error.NotFound("Protokollet");
        }

        var personId = await db.Persons.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (personId is not { } me || minutes.Signers.All(s => s.PersonId != me))
        {
            return Error.Invalid("Bara ordföranden och de utsedda justerarna justerar protokollet.");
        }

        if (string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(code))
        {
            return Error.Invalid("Ange ditt lösenord och en engångskod från din autentiseringsapp.");
        }

        var proof = await signing.AuthenticateAsync(new SigningRequest(userId, sha256, password, code), cancellationToken);
        if (proof.Authentication is not { } authentication)
        {
            return Error.Invalid(proof.Error ?? "Autentiseringen misslyckades.");
        }

        db.SetOriginalVersion(minutes, version);
        return Result<SignerProof>.Ok(new SignerProof(minutes, me, userId, authentication));
    }
}
