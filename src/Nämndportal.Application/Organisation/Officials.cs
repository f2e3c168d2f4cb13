using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record AttachOfficial(Guid OrganId, Guid UserId, OfficialFunction Function);

/// <summary>Attaches an employee's login to an organ as nämndsekreterare, förvaltningschef or handläggare (administrator only).</summary>
public sealed class OfficialsHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users)
{
    /// <summary>The logins that can be attached: everyone who is not only an elected member.</summary>
    public async Task<IReadOnlyList<Lookup>> CandidatesAsync(CancellationToken cancellationToken = default) =>
        await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken) ? await users.StaffAsync(cancellationToken) : [];

    public async Task<Result<Guid>> AttachAsync(AttachOfficial request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.OrganOfficials.AnyAsync(o => o.OrganId == request.OrganId && o.UserId == request.UserId && o.Function == request.Function, cancellationToken))
        {
            return Error.Invalid("Tjänstemannen är redan knuten till organet med den funktionen.");
        }

        if ((await users.DisplayNamesAsync([request.UserId], cancellationToken)).Count == 0 || !await db.Organs.AnyAsync(o => o.Id == request.OrganId, cancellationToken))
        {
            return Error.Invalid("Användaren eller organet finns inte.");
        }

        var official = new OrganOfficial(request.UserId, request.OrganId, request.Function);
        db.OrganOfficials.Add(official);
        return await db.SaveOrConflictAsync(official, official.Id, cancellationToken);
    }

    public async Task<Result<Guid>> DetachAsync(Guid organId, Guid userId, OfficialFunction function, CancellationToken cancellationToken = default)
    {
        if (!await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var official = await db.OrganOfficials.SingleOrDefaultAsync(o => o.OrganId == organId && o.UserId == userId && o.Function == function, cancellationToken);
        if (official is null)
        {
            return Error.NotFound("Kopplingen");
        }

        db.OrganOfficials.Remove(official);
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(official.Id);
    }
}
