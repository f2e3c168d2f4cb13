using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Security;

/// <summary>
/// The one answer to "may this person do this, for this organ, on this date?". Pages ask it through the
/// authorization policies; handlers ask it again before they read or write. docs/security.md holds the table,
/// and a test walks every cell of it.
/// </summary>
/// <remarks>
/// Grants are read from the database for every question (or once per <see cref="SnapshotAsync"/> when a list is
/// filtered), never kept between questions: a Blazor circuit lives for hours, and an ended membership or a
/// detached secretary must lose access at once, not at the next login.
/// </remarks>
public sealed class AccessService(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<bool> CanAsync(Operation operation, Guid? organId = null, DateOnly? onDate = null, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).Can(operation, organId, onDate);

    /// <summary>The user's grants as they are now, for answering many questions about one list at once.</summary>
    public async Task<AccessSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var today = Domain.Common.SwedishTime.LocalDate(clock.GetUtcNow());
        if (!user.IsAuthenticated || user.UserId is not { } userId)
        {
            return new AccessSnapshot(user, today, [], [], [], []);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var officials = await db.OrganOfficials.AsNoTracking().Where(o => o.UserId == userId).ToListAsync(cancellationToken);
        var memberships = await (from m in db.Memberships.AsNoTracking()
                                 join p in db.Persons on m.PersonId equals p.Id
                                 where p.UserId == userId
                                 select m).ToListAsync(cancellationToken);
        var auditScope = user.IsInRole(Roles.Auditor)
            ? await db.AuditorScopes.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.OrganId).ToListAsync(cancellationToken)
            : [];
        return new AccessSnapshot(
            user,
            today,
            officials.Where(o => o.Function == OfficialFunction.Namndsekreterare).Select(o => o.OrganId).ToHashSet(),
            officials.Select(o => o.OrganId).ToHashSet(),
            memberships,
            auditScope.ToHashSet());
    }
}

/// <summary>One moment's grants of one user; answers without further database reads.</summary>
public sealed class AccessSnapshot
{
    private readonly ICurrentUser _user;
    private readonly DateOnly _today;
    private readonly HashSet<Guid> _secretaryOf;
    private readonly HashSet<Guid> _officialOf;
    private readonly List<Membership> _memberships;
    private readonly HashSet<Guid> _auditScope;

    internal AccessSnapshot(
        ICurrentUser user, DateOnly today, HashSet<Guid> secretaryOf, HashSet<Guid> officialOf, List<Membership> memberships, HashSet<Guid> auditScope)
    {
        _user = user;
        _today = today;
        _secretaryOf = secretaryOf;
        _officialOf = officialOf;
        _memberships = memberships;
        _auditScope = auditScope;
    }

    public bool Can(Operation operation, Guid? organId = null, DateOnly? onDate = null)
    {
        if (!_user.IsAuthenticated || _user.UserId is null)
        {
            return false;
        }

        if (_user.IsInRole(Roles.Administrator))
        {
            // Least privilege: running the system does not make one a party to a secret matter.
            return operation != Operation.ReadSecretDocuments
                || _user.IsInRole(Roles.Registrar)
                || (organId is { } secretOrgan && _user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(secretOrgan));
        }

        var date = onDate ?? _today;
        return operation switch
        {
            Operation.ManageRegister => false,
            Operation.ManagePersons => _user.IsInRole(Roles.Secretary) && _secretaryOf.Count > 0,
            Operation.ManageOrgan => organId is { } id && _user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(id),
            Operation.ViewRoster or Operation.ReadHandlingar => organId is { } id
                && (_officialOf.Contains(id) || _memberships.Any(m => m.OrganId == id && m.IsValidOn(date))),
            Operation.ReadAuditMaterial => organId is { } id
                && (_user.IsInRole(Roles.Registrar)
                    || _officialOf.Contains(id)
                    || _memberships.Any(m => m.OrganId == id && m.IsValidOn(date))
                    || (_user.IsInRole(Roles.Auditor) && _auditScope.Contains(id))),
            Operation.ManageFollowUp => organId is { } id
                && (_user.IsInRole(Roles.Registrar) || (_user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(id))),
            Operation.RegisterCase or Operation.PrepareCase => organId is { } id
                && (_user.IsInRole(Roles.Registrar)
                    || (_user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(id))
                    || (_user.IsInRole(Roles.CaseOfficer) && _officialOf.Contains(id))),
            Operation.ReadCase => organId is { } id
                && (_user.IsInRole(Roles.Registrar)
                    || _officialOf.Contains(id)
                    || _memberships.Any(m => m.OrganId == id && m.IsValidOn(date))),
            Operation.ReadSecretDocuments => organId is { } id
                && (_user.IsInRole(Roles.Registrar) || (_user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(id))),
            Operation.ViewAuditTrail => false,
            Operation.RegisterDelegatedDecisions => organId is { } id
                && (_user.IsInRole(Roles.Registrar) || (_user.IsInRole(Roles.Secretary) && _secretaryOf.Contains(id))),
            Operation.ReadDelegatedDecisions => organId is { } id
                && (_user.IsInRole(Roles.Registrar)
                    || _officialOf.Contains(id)
                    || _memberships.Any(m => m.OrganId == id && m.IsValidOn(date))),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    /// <summary>
    /// May this user read the secret-marked handlingar of a case of <paramref name="organId"/> whose handläggare is
    /// <paramref name="caseOfficerUserId"/>? Those with <see cref="Operation.ReadSecretDocuments"/> for the organ, and
    /// the case's own handläggare while attached to the organ.
    /// </summary>
    public bool CanReadSecret(Guid organId, Guid? caseOfficerUserId) =>
        Can(Operation.ReadSecretDocuments, organId)
        || (_user.UserId is { } me && caseOfficerUserId == me && _user.IsInRole(Roles.CaseOfficer) && _officialOf.Contains(organId));

    /// <summary>Whether the user holds a membership of the organ valid on some day between the two dates (inclusive).</summary>
    public bool IsMemberDuring(Guid organId, DateOnly from, DateOnly to) =>
        _user.IsAuthenticated && _memberships.Any(m => m.OrganId == organId && m.ValidFrom <= to && (m.ValidTo is null || m.ValidTo >= from));

    /// <summary>Whether the user is a revisor (their reads of follow-up material are audited).</summary>
    public bool IsAuditor => _user.IsInRole(Roles.Auditor);

    /// <summary>The user's id, for queries that grant on a case's own handläggare.</summary>
    public Guid? UserId => _user.UserId;
}
