using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>Anslag on the anslagstavla: put up, replaced by a re-issue, taken down. Public text, so the title is named.</summary>
internal sealed class NoticeBoardAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        Posting p => AuditDescription.Line(
            entry, nameof(Posting), p.Id, null,
            $"Anslag {p.Title} ({p.UpOn:yyyy-MM-dd} – {p.DownOn:yyyy-MM-dd})"
            + (p.LateReason is not null && entry.State == Microsoft.EntityFrameworkCore.EntityState.Added ? ", uppsatt senare än 7 dagar före med angivet skäl" : string.Empty)),
        _ => null,
    };
}
