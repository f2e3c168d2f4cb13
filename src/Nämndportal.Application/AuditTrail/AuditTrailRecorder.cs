using Nämndportal.Application.Common;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.AuditTrail;

/// <summary>
/// Writes the audit-trail lines that are not changes: reads and downloads of secret-marked handlingar. Changes to
/// cases and everything in them are recorded by the persistence layer on every save, without a call from here.
/// Add the line to the same context as the read's other work and save it before the content is handed out.
/// </summary>
public sealed class AuditTrailRecorder(ICurrentUser user, TimeProvider clock)
{
    public void SecretRead(IAppDbContext db, CaseDocument document, string caseNumber, int? versionNumber, bool download)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var version = versionNumber is { } v ? $", version {v}" : string.Empty;
        db.AuditTrail.Add(new AuditTrailEntry(
            clock.GetUtcNow(), user.UserId, user.UserName, user.RemoteAddress,
            download ? AuditActions.SecretDownloaded : AuditActions.SecretRead,
            nameof(CaseDocument), document.Id, document.CaseId,
            $"Handling {document.Ordinal}{version} i ärende {caseNumber} ({document.SecrecyProvision})"));
    }
}
