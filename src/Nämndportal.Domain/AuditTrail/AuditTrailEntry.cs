namespace Nämndportal.Domain.AuditTrail;

/// <summary>
/// One line of the audit trail (spårbarhet): who did what to which record, when, and from where. The table is
/// append-only: the database refuses updates and deletes. The summary never holds secret content.
/// </summary>
public sealed class AuditTrailEntry
{
    private AuditTrailEntry()
    {
        Action = string.Empty;
        EntityType = string.Empty;
        Summary = string.Empty;
    }

    public AuditTrailEntry(DateTimeOffset at, Guid? userId, string? userName, string? remoteAddress, string action, string entityType, Guid? entityId, Guid? caseId, string summary)
        : this()
    {
        At = at;
        UserId = userId;
        UserName = userName;
        RemoteAddress = remoteAddress;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        CaseId = caseId;
        Summary = summary;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The user name at the time ("system" for a background job).</summary>
    public string? UserName { get; private set; }

    /// <summary>The client's IP address, when the action came from a request or circuit.</summary>
    public string? RemoteAddress { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    /// <summary>
    /// The record's kind: Case, CaseDocument, DocumentVersion, OfficerReport, CaseLink; Organ, Membership, OrganOfficial,
    /// Term, Person, Party, SubstitutionRule, ApplicationUser, UserRole, StoredFile (Swedish names in AuditTrailEntityTypes).
    /// </summary>
    public string EntityType { get; private set; }

    public Guid? EntityId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>What happened, in Swedish, naming records by number and never quoting secret content.</summary>
    public string Summary { get; private set; }
}

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string Created = "Skapad";
    public const string Changed = "Ändrad";
    public const string Deleted = "Borttagen";
    public const string SecretRead = "Läst sekretessmarkerad handling";
    public const string SecretDownloaded = "Hämtat sekretessmarkerad handling";

    // The meeting reader (läsläget): a download with its spårbarhetsstämpel, and a refused address.
    public const string StampedDownload = "Hämtat med spårbarhetsstämpel";
    public const string ReaderRefused = "Nekad i läsläget";

    // A revisor reading an organ's follow-up of granskningar and uppdrag (issue 13).
    public const string AuditMaterialRead = "Revisor läst uppföljning";

    // Logins (entity type "Login"): never a password or a code in the summary.
    public const string LoggedIn = "Inloggad";
    public const string LoginFailed = "Misslyckad inloggning";
    public const string SecondFactorFailed = "Fel tvåstegskod";
    public const string LockedOut = "Konto låst";
    public const string LoggedOut = "Utloggad";
    public const string SecondFactorChanged = "Tvåstegsverifiering ändrad";
    public const string SessionEnded = "Session avslutad";

    public static IReadOnlyList<string> Logins { get; } =
        [LoggedIn, LoginFailed, SecondFactorFailed, LockedOut, LoggedOut, SecondFactorChanged, SessionEnded];

    public static IReadOnlyList<string> All { get; } = [Created, Changed, Deleted, SecretRead, SecretDownloaded, StampedDownload, ReaderRefused, AuditMaterialRead, .. Logins];
}
