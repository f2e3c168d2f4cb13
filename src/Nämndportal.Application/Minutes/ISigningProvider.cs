namespace Nämndportal.Application.Minutes;

/// <summary>
/// How a signer's approval of a document is bound to them (rule 27, docs/adr/0007). The portal's own provider
/// (<c>PortalSigningProvider</c>, name <c>portal</c>) checks the signer's password and a fresh second-factor code at the
/// moment of signing and returns the strong authentication the protokoll records with the document's SHA-256. An
/// e-signature service (BankID through a signing service, an advanced electronic signature under eIDAS) implements the
/// same interface: it receives the document's checksum, runs its own flow and returns who signed and when; the protokoll's
/// rules (who may sign, one checksum for all, fresh authentication) stay where they are.
/// </summary>
public interface ISigningProvider
{
    /// <summary>The name recorded with every approval this provider vouched for.</summary>
    string Name { get; }

    /// <summary>Proves that <paramref name="userId"/> is present now, with what they typed; a Swedish message when not.</summary>
    Task<SigningResult> AuthenticateAsync(SigningRequest request, CancellationToken cancellationToken = default);
}

/// <param name="Sha256">The checksum of the exact PDF being approved (an external provider signs over it).</param>
public sealed record SigningRequest(Guid UserId, string Sha256, string Password, string Code);

public sealed record SigningResult(Domain.Minutes.StrongAuthentication? Authentication, string? Error)
{
    public static SigningResult Ok(Domain.Minutes.StrongAuthentication authentication) => new(authentication, null);

    public static SigningResult Refused(string error) => new(null, error);
}
