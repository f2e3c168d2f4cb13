using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Common;

/// <summary>The use cases' view of the database. One instance per operation (see <see cref="IAppDbContextFactory"/>).</summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<Organ> Organs { get; }

    DbSet<Person> Persons { get; }

    DbSet<Membership> Memberships { get; }

    DbSet<Term> Terms { get; }

    DbSet<Party> Parties { get; }

    DbSet<SubstitutionRule> SubstitutionRules { get; }

    DbSet<OrganOfficial> OrganOfficials { get; }

    DbSet<Meeting> Meetings { get; }

    DbSet<AgendaItem> AgendaItems { get; }

    DbSet<AgendaItemDocument> AgendaItemDocuments { get; }

    DbSet<NoticeVersion> NoticeVersions { get; }

    DbSet<NoticeRecipient> NoticeRecipients { get; }

    DbSet<CalendarFeed> CalendarFeeds { get; }
    DbSet<PackPart> PackParts { get; }

    DbSet<MeetingChangeNotice> MeetingChangeNotices { get; }

    DbSet<Domain.Notifications.Notification> Notifications { get; }

    DbSet<BackgroundTask> BackgroundTasks { get; }

    DbSet<StoredFile> StoredFiles { get; }

    DbSet<Domain.Cases.Case> Cases { get; }

    DbSet<Domain.Cases.CaseDocument> CaseDocuments { get; }

    DbSet<Domain.Cases.DocumentVersion> DocumentVersions { get; }

    DbSet<Domain.Cases.DocumentText> DocumentTexts { get; }

    DbSet<FileBlob> FileBlobs { get; }

    DbSet<Domain.Cases.CaseEvent> CaseEvents { get; }

    DbSet<Domain.Cases.CaseLink> CaseLinks { get; }

    DbSet<Domain.Cases.OfficerReport> OfficerReports { get; }

    DbSet<Domain.AuditTrail.AuditTrailEntry> AuditTrail { get; }

    DbSet<Domain.NoticeBoard.Posting> Postings { get; }

    DbSet<Domain.Reader.MemberNote> MemberNotes { get; }

    DbSet<Domain.Reader.NoteShare> NoteShares { get; }

    DbSet<Domain.Reader.DocumentReadMark> DocumentReadMarks { get; }

    DbSet<Domain.Minutes.MeetingMinutes> MeetingMinutes { get; }

    DbSet<Domain.Minutes.MinutesSection> MinutesSections { get; }

    DbSet<Domain.Delegation.DelegationScheme> DelegationSchemes { get; }

    DbSet<Domain.Delegation.PositionHolder> PositionHolders { get; }

    DbSet<Domain.Delegation.OnwardDelegation> OnwardDelegations { get; }

    DbSet<Domain.Delegation.DelegatedDecision> DelegatedDecisions { get; }

    DbSet<Domain.Delegation.BoardMessage> BoardMessages { get; }

    DbSet<Domain.Audit.AuditReport> AuditReports { get; }

    DbSet<Domain.Audit.AuditRecommendation> AuditRecommendations { get; }

    DbSet<Domain.Audit.AuditAnswer> AuditAnswers { get; }

    DbSet<Domain.Audit.FollowUpAction> FollowUpActions { get; }

    DbSet<Domain.Audit.Assignment> Assignments { get; }

    DbSet<Domain.Audit.DueDateReminder> DueDateReminders { get; }

    DbSet<Domain.Audit.AuditorScope> AuditorScopes { get; }

    DbSet<Domain.Audit.InternalControlPlan> InternalControlPlans { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The next running number for a prefix and year, taken atomically in the database, so two registrations at
    /// the same moment never get the same number. With <paramref name="atLeast"/>, the series is moved on past a
    /// number typed by hand.
    /// </summary>
    Task<int> NextCaseSequenceAsync(string prefix, int year, int? atLeast = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes <paramref name="count"/> numbers from a series (<see cref="NumberSeriesKeys"/>) for a calendar year and
    /// returns the last one taken (the first is last − count + 1). With <paramref name="atLeast"/> (and count 0) it only
    /// raises the series to that number, for a number typed by hand. Atomic; inside a transaction a rollback returns them.
    /// </summary>
    Task<int> TakeNumbersAsync(string series, int year, int count = 1, int? atLeast = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives <paramref name="number"/> back to a series when it is still the last one taken (a § taken out of the newest
    /// protokoll). Returns false, changing nothing, when a later number has been taken since.
    /// </summary>
    Task<bool> ReturnLastNumberAsync(string series, int year, int number, CancellationToken cancellationToken = default);

    Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds a lock on one organ's roster until the current transaction ends, so that rules spanning its
    /// memberships (one chair at a time, no overlaps) are checked and saved without another save in between.
    /// </summary>
    Task LockOrganRosterAsync(Guid organId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds a lock on one case's handlingar until the current transaction ends, so that two uploads at the same
    /// moment get consecutive numbers (handling and version) and see each other's checksums.
    /// </summary>
    Task LockCaseDocumentsAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds a lock named after a scheduled job until the current transaction ends: with several instances, two runs
    /// of the same job at the same moment (a re-run, a manual trigger) go one after the other, and the second finds
    /// the work done.
    /// </summary>
    Task LockJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds a lock named <paramref name="key"/> until the returned handle is disposed, across transactions and saves,
    /// or returns null at once when someone else holds it. The context keeps its connection open meanwhile; if the
    /// process dies, PostgreSQL lets go of the lock when the connection ends.
    /// </summary>
    Task<IAsyncDisposable?> TryHoldAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a file's bytes under their SHA-256 unless the same bytes are already stored (by any case), in the
    /// current transaction. Returns the checksum. The bytes are sent once and never updated.
    /// </summary>
    Task<string> StoreFileBlobAsync(byte[] content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="count"/> bytes of a stored file from byte <paramref name="offset"/> (0-based), read in the
    /// database: a range request never loads the whole file.
    /// </summary>
    Task<byte[]> ReadFileBlobRangeAsync(string sha256, long offset, int count, CancellationToken cancellationToken = default);

    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;
}
