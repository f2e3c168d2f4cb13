using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Security;

/// <summary>
/// The one answer to "may this person do this, for this organ, on this date?". Pages ask it through the
/// authorization policies; handlers ask it again before they read or write. docs/security.md holds the table,
/// and a test walks every cell of it.
/// </summary>
public sealed class AccessService(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    private Grants? _grants;

    public async Task<bool> CanAsync(Operation operation, Guid? organId = null, DateOnly? onDate = null, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.UserId is null)
        {
            return false;
        }

        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        var grants = await GrantsAsync(cancellationToken);
        var date = onDate ?? SwedishToday;
        return operation switch
        {
            Operation.ManageRegister => false,
            Operation.ManagePersons => user.IsInRole(Roles.Secretary) && grants.SecretaryOf.Count > 0,
            Operation.ManageOrgan => organId is { } id && user.IsInRole(Roles.Secretary) && grants.SecretaryOf.Contains(id),
            Operation.ViewRoster or Operation.ReadHandlingar => organId is { } id
                && (grants.OfficialOf.Contains(id) || grants.Memberships.Any(m => m.OrganId == id && m.IsValidOn(date))),
            Operation.ReadAuditMaterial => user.IsInRole(Roles.Auditor),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    /// <summary>The organs for which the operation is allowed (all of them for an administrator).</summary>
    public async Task<IReadOnlySet<Guid>> OrgansAsync(Operation operation, DateOnly? onDate = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organIds = await db.Organs.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        var allowed = new HashSet<Guid>();
        foreach (var organId in organIds)
        {
            if (await CanAsync(operation, organId, onDate, cancellationToken))
            {
                allowed.Add(organId);
            }
        }

        return allowed;
    }

    private DateOnly SwedishToday => Domain.Common.SwedishTime.LocalDate(clock.GetUtcNow());

    private async Task<Grants> GrantsAsync(CancellationToken cancellationToken)
    {
        if (_grants is not null)
        {
            return _grants;
        }

        var userId = user.UserId!.Value;
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var officials = await db.OrganOfficials.AsNoTracking().Where(o => o.UserId == userId).ToListAsync(cancellationToken);
        var memberships = await (from m in db.Memberships.AsNoTracking()
                                 join p in db.Persons on m.PersonId equals p.Id
                                 where p.UserId == userId
                                 select m).ToListAsync(cancellationToken);
        return _grants = new Grants(
            officials.Where(o => o.Function == OfficialFunction.Namndsekreterare).Select(o => o.OrganId).ToHashSet(),
            officials.Select(o => o.OrganId).ToHashSet(),
            memberships);
    }

    private sealed record Grants(HashSet<Guid> SecretaryOf, HashSet<Guid> OfficialOf, List<Membership> Memberships);
}
