using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Organisation;

public sealed record EndMembership(Guid MembershipId, DateOnly LastDay, uint Version);

/// <summary>Ends a membership after its last day, for a resignation or when a replacement is elected.</summary>
public sealed class EndMembershipHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<Guid>> HandleAsync(EndMembership request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == request.MembershipId, cancellationToken);
        if (membership is null || !await access.CanAsync(Operation.ManageOrgan, membership.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Uppdraget");
        }

        try
        {
            db.SetOriginalVersion(membership, request.Version);
            membership.End(request.LastDay);
            return await db.SaveOrConflictAsync(membership, membership.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
