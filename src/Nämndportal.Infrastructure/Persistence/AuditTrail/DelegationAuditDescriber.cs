using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Delegation;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// The delegationsordning, its förordnanden and vidaredelegationer, delegationsbeslut and meddelanden (issue 12). A
/// decision is named by its number, role and point, never by its description or case number: an individual social-services
/// case may name a person. A version of the delegationsordning keeps its points as JSON in its row, so a change of its
/// points alone is named as such.
/// </summary>
internal sealed class DelegationAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        DelegationScheme s => AuditDescription.Line(
            entry, nameof(DelegationScheme), s.Id, null,
            $"Delegationsordning version {s.Number} ({(s.IsDraft ? "utkast" : "fastställd")}, gäller från {s.ValidFrom:yyyy-MM-dd}, {s.Points.Count} punkter)",
            Fields(entry)),
        PositionHolder h => AuditDescription.Line(
            entry, nameof(PositionHolder), h.Id, null, $"Förordnande som {h.Title}: {h.Name} från {h.ValidFrom:yyyy-MM-dd}{(h.ValidTo is { } to ? $" till {to:yyyy-MM-dd}" : string.Empty)}"),
        OnwardDelegation o => AuditDescription.Line(
            entry, nameof(OnwardDelegation), o.Id, null,
            $"Vidaredelegation av punkt {o.PointCode} till {o.ToTitle} från {o.ValidFrom:yyyy-MM-dd}{(o.ValidTo is { } end ? $" till {end:yyyy-MM-dd}" : string.Empty)}"),
        DelegatedDecision d => AuditDescription.Line(
            entry, nameof(DelegatedDecision), d.Id, null,
            $"Delegationsbeslut {d.NumberText} ({d.DecidedAs.Name}{(d.PointCode is { } p ? $", punkt {p}" : ", brådskande")}, {d.DecidedOn:yyyy-MM-dd})"),
        BoardMessage m => AuditDescription.Line(entry, nameof(BoardMessage), m.Id, null, $"Meddelande från {m.Sender}, inkom {m.ReceivedOn:yyyy-MM-dd}"),
        _ => null,
    };

    private static List<string>? Fields(EntityEntry entry)
    {
        if (entry.State != EntityState.Modified)
        {
            return null;
        }

        var fields = AuditDescription.ChangedFields(entry).ToList();
        if (entry.ComplexCollections.Any(c => c.IsModified) && !fields.Contains("Points"))
        {
            fields.Add("Points");
        }

        return fields;
    }
}
