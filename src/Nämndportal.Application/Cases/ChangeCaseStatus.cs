using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Cases;

/// <summary>Move a case along its lifecycle (Registrerat → Under beredning → Klart för beslut → …); the domain refuses illegal moves.</summary>
public sealed record ChangeCaseStatus(Guid CaseId, CaseStatus To, uint Version);

public sealed class ChangeCaseStatusHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<CaseStatus>> HandleAsync(ChangeCaseStatus request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken, track: true);
        if (@case is null)
        {
            return Error.NotFound("Ärendet");
        }

        if (!grants.Can(Operation.PrepareCase, @case.OrganId))
        {
            return Error.Forbidden();
        }

        db.SetOriginalVersion(@case, request.Version);
        var from = @case.Status;
        try
        {
            @case.MoveTo(request.To);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        db.CaseEvents.Add(CaseEvent.StatusChanged(@case.Id, clock.GetUtcNow(), user.UserName ?? "system", from, request.To));
        return await db.SaveOrConflictAsync(@case, request.To, cancellationToken);
    }
}
