using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>A case and everything that belongs to one: handlingar, versions, tjänsteskrivelse, links.</summary>
internal sealed class CaseAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup)
    {
        var caseId = entry.Entity switch
        {
            Case c => c.Id,
            ICaseOwned owned => owned.CaseId,
            _ => (Guid?)null,
        };
        if (caseId is null || entry.Entity is not Entity entity)
        {
            return null;
        }

        var what = entry.Entity switch
        {
            Case c => $"Ärende {c.Number}",
            CaseDocument d => $"Handling {d.Ordinal}",
            // The size and checksum of a secret handling's file would let one confirm a guess of its content.
            DocumentVersion v when lookup.IsSecretDocument(v.DocumentId) => $"Version {v.Number} av en handling",
            DocumentVersion v => $"Version {v.Number} av en handling ({v.Length} byte, SHA-256 {v.Sha256})",
            OfficerReport => "Tjänsteskrivelse",
            CaseLink => "Länk mellan ärenden",
            _ => entry.Metadata.ClrType.Name,
        };

        // A case's lines have always been written for every save that touched it, fields or not.
        return AuditDescription.Line(entry, entry.Metadata.ClrType.Name, entity.Id, caseId, what)
            ?? (AuditDescription.ActionOf(entry) is { } action ? new AuditLine(action, entry.Metadata.ClrType.Name, entity.Id, caseId, what) : null);
    }
}
