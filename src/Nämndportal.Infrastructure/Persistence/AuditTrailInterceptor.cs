using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nämndportal.Application.Common;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Infrastructure.Persistence.AuditTrail;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// Writes an audit-trail line for every change to a case or anything that belongs to one (handlingar, versions,
/// tjänsteskrivelse, links), to the records that decide who may read what (organs and their reglemente, memberships,
/// officials, terms, persons, parties, the ersättartabell) and to logins and their roles, in the same SaveChanges and
/// so the same transaction as the change itself: no change is stored without its line. The line names the fields
/// changed, never their values, so secret content stays out. Each kind of record has its describer.
/// </summary>
public sealed class AuditTrailInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly IAuditDescriber[] Describers =
    [
        new CaseAuditDescriber(),
        new OrganisationAuditDescriber(),
        new IdentityAuditDescriber(),
        new CalendarFeedAuditDescriber(),
        new MeetingAuditDescriber(),
        new NoticeBoardAuditDescriber(),
        new MinutesAuditDescriber(),
        new DelegationAuditDescriber(),
        new FollowUpAuditDescriber(),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries().ToList();
        var lookup = new AuditLookup(context, entries);
        var lines = new List<AuditTrailEntry>();
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var line = Describers.Select(d => d.Describe(entry, lookup)).FirstOrDefault(l => l is not null);
            if (line is not null)
            {
                lines.Add(new AuditTrailEntry(
                    now, currentUser.UserId, currentUser.UserName ?? AuditFieldsInterceptor.SystemUser, currentUser.RemoteAddress,
                    line.Action, line.EntityType, line.EntityId, line.CaseId, line.Summary));
            }
        }

        if (lines.Count > 0)
        {
            context.Set<AuditTrailEntry>().AddRange(lines);
        }
    }
}
