using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
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

    /// <summary>
    /// One signature from start to save: prove the signer (<see cref="ProveAsync"/>), run <paramref name="approve"/> (the
    /// domain's approval, and what the last signature sets off) at one instant, and save the protokoll with the version the
    /// page held. Returns the new version and whether this signature completed the act.
    /// </summary>
    public static async Task<Result<ApprovalOutcome>> SignAsync(
        IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, ISigningProvider signing, TimeProvider clock,
        Guid minutesId, uint version, string sha256, string? password, string? code,
        Func<IAppDbContext, SignerProof, DateTimeOffset, Task<bool>> approve, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var proven = await ProveAsync(db, access, user, signing, minutesId, version, sha256, password, code, cancellationToken);
        if (proven.Value is not { } signer)
        {
            return proven.Error!;
        }

        bool done;
        try
        {
            done = await approve(db, signer, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        var saved = await db.SaveOrConflictAsync(signer.Minutes, 0u, cancellationToken);
        return saved.Succeeded ? Result<ApprovalOutcome>.Ok(new ApprovalOutcome(signer.Minutes.Version, done)) : saved.Error!;
    }
}
