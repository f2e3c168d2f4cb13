using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>
/// Take a handling's sekretessmarkering away after a new sekretessprövning. Only someone who may see the secret
/// handling (and prepare the case) can; the audit trail keeps the earlier marking's change.
/// </summary>
/// <param name="Version">The handling's version (xmin) as the user saw it; 0 skips the check.</param>
public sealed record RemoveDocumentSecrecy(Guid DocumentId, uint Version = 0);

public sealed class RemoveDocumentSecrecyHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(RemoveDocumentSecrecy request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await DocumentFiles.FindAsync(db, grants, request.DocumentId, Operation.PrepareCase, track: true, cancellationToken) is not { } found)
        {
            return Error.NotFound("Handlingen");
        }

        var (document, @case) = found;
        if (!document.IsSecret)
        {
            return Error.Invalid($"Handling {document.Ordinal} är inte sekretessmarkerad.");
        }

        document.RemoveSecrecy();
        if (request.Version != 0)
        {
            db.SetOriginalVersion(document, request.Version);
        }

        db.CaseEvents.Add(CaseEvent.SecrecyChanged(@case.Id, clock.GetUtcNow(), user.UserName ?? "system", document.Id, document.Ordinal, secret: false));
        return await db.SaveOrConflictAsync(document, true, cancellationToken);
    }
}
