using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.AuditTrail;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>What one change contributes to the audit trail, before who and when are added.</summary>
internal sealed record AuditLine(string Action, string EntityType, Guid? EntityId, Guid? CaseId, string Summary);

/// <summary>Describes the changes of one kind of record for the audit trail, or returns null for another kind.</summary>
internal interface IAuditDescriber
{
    AuditLine? Describe(EntityEntry entry, AuditLookup lookup);
}

/// <summary>The parts every describer shares: the action of a change and the names of the fields it changed.</summary>
internal static class AuditDescription
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "ModifiedAt", "ModifiedBy", "Version" };

    public static string? ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditActions.Created,
        EntityState.Modified => AuditActions.Changed,
        EntityState.Deleted => AuditActions.Deleted,
        _ => null,
    };

    /// <summary>
    /// The names (never the values) of the fields a change set, complex ones as "Rules.KallelseDays"-style paths, without
    /// the bookkeeping fields the persistence layer fills.
    /// </summary>
    public static IReadOnlyList<string> ChangedFields(EntityEntry entry) =>
        entry.Properties
            .Where(p => IsChanged(p) && !Bookkeeping.Contains(p.Metadata.Name))
            .Select(p => p.Metadata.Name)
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Where(IsChanged).Select(p => $"{c.Metadata.Name}.{p.Metadata.Name}")))
            .ToList();

    // Marked modified and really different: Identity's UpdateAsync marks every field of a login modified.
    private static bool IsChanged(PropertyEntry property) =>
        property.IsModified && !property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);

    /// <summary>"What" for an added or deleted record, "What: ändrade A, B" for a change; null for a change of nothing but bookkeeping.</summary>
    public static AuditLine? Line(EntityEntry entry, string entityType, Guid? entityId, Guid? caseId, string what, IReadOnlyList<string>? fields = null)
    {
        if (ActionOf(entry) is not { } action)
        {
            return null;
        }

        if (entry.State != EntityState.Modified)
        {
            return new AuditLine(action, entityType, entityId, caseId, what);
        }

        fields ??= ChangedFields(entry);
        return fields.Count == 0 ? null : new AuditLine(action, entityType, entityId, caseId, $"{what}: ändrade {string.Join(", ", fields)}");
    }
}
