using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Organisation;

public sealed record EndOrgan(Guid OrganId, DateOnly LastDay, uint Version);

/// <summary>Ends an organ (dissolved or merged); its history stays.</summary>
public sealed class EndOrganHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<Guid>> HandleAsync(EndOrgan request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = await db.Organs.SingleOrDefaultAsync(o => o.Id == request.OrganId, cancellationToken);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        try
        {
            db.SetOriginalVersion(organ, request.Version);
            organ.End(request.LastDay);
            return await db.SaveOrConflictAsync(organ, organ.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
