using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>Remove a link between two cases, from the case the user is on.</summary>
public sealed record UnlinkCases(Guid CaseId, Guid LinkId);

public sealed class UnlinkCasesHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(UnlinkCases request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var @case = await db.FindCaseAsync(grants, request.CaseId, cancellationToken);
        var link = await db.CaseLinks.SingleOrDefaultAsync(
            l => l.Id == request.LinkId && (l.FirstCaseId == request.CaseId || l.SecondCaseId == request.CaseId), cancellationToken);
        if (@case is null || link is null)
        {
            return Error.NotFound("Länken");
        }

        if (!grants.Can(Operation.PrepareCase, @case.OrganId))
        {
            return Error.Forbidden();
        }

        var other = link.Other(@case.Id);
        db.CaseLinks.Remove(link);
        var now = clock.GetUtcNow();
        var who = user.UserName ?? "system";
        db.CaseEvents.Add(CaseEvent.Linked(@case.Id, now, who, other, linked: false));
        db.CaseEvents.Add(CaseEvent.Linked(other, now, who, @case.Id, linked: false));
        return await db.SaveOrConflictAsync(link, true, cancellationToken);
    }
}
