using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nämndportal.Application.Common;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// Writes an audit-trail line for every change to a case or anything that belongs to one (handlingar, versions,
/// tjänsteskrivelse, links), in the same SaveChanges and so the same transaction as the change itself: no change
/// is stored without its line. The line names the fields changed, never their values, so secret content stays out.
/// </summary>
public sealed class AuditTrailInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
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
        var lines = new List<AuditTrailEntry>();
        foreach (var entry in context.ChangeTracker.Entries<Entity>().ToList())
        {
            var caseId = entry.Entity switch
            {
                Case c => c.Id,
                ICaseOwned owned => owned.CaseId,
                _ => (Guid?)null,
            };
            if (caseId is null)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Modified => AuditActions.Changed,
                EntityState.Deleted => AuditActions.Deleted,
                _ => null,
            };
            if (action is null)
            {
                continue;
            }

            lines.Add(new AuditTrailEntry(
                now, currentUser.UserId, currentUser.UserName ?? AuditFieldsInterceptor.SystemUser, currentUser.RemoteAddress,
                action, entry.Metadata.ClrType.Name, entry.Entity.Id, caseId, Describe(entry)));
        }

        if (lines.Count > 0)
        {
            context.Set<AuditTrailEntry>().AddRange(lines);
        }
    }

    private static string Describe(EntityEntry<Entity> entry)
    {
        var what = entry.Entity switch
        {
            Case c => $"Ärende {c.Number}",
            CaseDocument d => $"Handling {d.Ordinal}",
            DocumentVersion v => $"Version {v.Number} av en handling ({v.Length} byte, SHA-256 {v.Sha256})",
            OfficerReport => "Tjänsteskrivelse",
            CaseLink => "Länk mellan ärenden",
            _ => entry.Metadata.ClrType.Name,
        };
        if (entry.State != EntityState.Modified)
        {
            return what;
        }

        var fields = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name is not (nameof(Entity.ModifiedAt) or nameof(Entity.ModifiedBy)))
            .Select(p => p.Metadata.Name)
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties).Where(p => p.IsModified).Select(p => p.Metadata.Name))
            .ToList();
        return fields.Count == 0 ? what : $"{what}: ändrade {string.Join(", ", fields)}";
    }
}
