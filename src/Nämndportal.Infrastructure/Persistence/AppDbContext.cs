using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>
/// The one database context: the domain's tables, ASP.NET Core Identity's tables and the data-protection key ring
/// (shared by every instance, so a cookie issued by one is read by another).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Organ> Organs => Set<Organ>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Term> Terms => Set<Term>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<SubstitutionRule> SubstitutionRules => Set<SubstitutionRule>();

    public DbSet<OrganOfficial> OrganOfficials => Set<OrganOfficial>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<BackgroundTask> BackgroundTasks => Set<BackgroundTask>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Domain.Cases.Case> Cases => Set<Domain.Cases.Case>();

    public DbSet<Domain.Cases.CaseDocument> CaseDocuments => Set<Domain.Cases.CaseDocument>();

    public DbSet<Domain.Cases.DocumentVersion> DocumentVersions => Set<Domain.Cases.DocumentVersion>();

    public DbSet<Domain.Cases.DocumentText> DocumentTexts => Set<Domain.Cases.DocumentText>();

    public DbSet<FileBlob> FileBlobs => Set<FileBlob>();

    public DbSet<Domain.Cases.CaseEvent> CaseEvents => Set<Domain.Cases.CaseEvent>();

    public DbSet<Domain.Cases.CaseLink> CaseLinks => Set<Domain.Cases.CaseLink>();

    public DbSet<Domain.Cases.OfficerReport> OfficerReports => Set<Domain.Cases.OfficerReport>();

    public DbSet<Domain.AuditTrail.AuditTrailEntry> AuditTrail => Set<Domain.AuditTrail.AuditTrailEntry>();

    public DbSet<Domain.Meetings.AgendaItem> AgendaItems => Set<Domain.Meetings.AgendaItem>();

    public DbSet<Domain.Meetings.AgendaItemDocument> AgendaItemDocuments => Set<Domain.Meetings.AgendaItemDocument>();

    public DbSet<Domain.Meetings.NoticeVersion> NoticeVersions => Set<Domain.Meetings.NoticeVersion>();

    public DbSet<Domain.Meetings.NoticeRecipient> NoticeRecipients => Set<Domain.Meetings.NoticeRecipient>();

    public DbSet<PackPart> PackParts => Set<PackPart>();

    public DbSet<Domain.NoticeBoard.Posting> Postings => Set<Domain.NoticeBoard.Posting>();

    public DbSet<Domain.Meetings.MeetingChangeNotice> MeetingChangeNotices => Set<Domain.Meetings.MeetingChangeNotice>();

    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();

    public DbSet<Domain.Reader.MemberNote> MemberNotes => Set<Domain.Reader.MemberNote>();

    public DbSet<Domain.Reader.NoteShare> NoteShares => Set<Domain.Reader.NoteShare>();

    public DbSet<Domain.Reader.DocumentReadMark> DocumentReadMarks => Set<Domain.Reader.DocumentReadMark>();

    public DbSet<Domain.Minutes.MeetingMinutes> MeetingMinutes => Set<Domain.Minutes.MeetingMinutes>();

    public DbSet<Domain.Minutes.MinutesSection> MinutesSections => Set<Domain.Minutes.MinutesSection>();

    public DbSet<Domain.Delegation.DelegationScheme> DelegationSchemes => Set<Domain.Delegation.DelegationScheme>();

    public DbSet<Domain.Delegation.PositionHolder> PositionHolders => Set<Domain.Delegation.PositionHolder>();

    public DbSet<Domain.Delegation.OnwardDelegation> OnwardDelegations => Set<Domain.Delegation.OnwardDelegation>();

    public DbSet<Domain.Delegation.DelegatedDecision> DelegatedDecisions => Set<Domain.Delegation.DelegatedDecision>();

    public DbSet<Domain.Delegation.BoardMessage> BoardMessages => Set<Domain.Delegation.BoardMessage>();

    public DbSet<Domain.Audit.AuditReport> AuditReports => Set<Domain.Audit.AuditReport>();

    public DbSet<Domain.Audit.AuditRecommendation> AuditRecommendations => Set<Domain.Audit.AuditRecommendation>();

    public DbSet<Domain.Audit.AuditAnswer> AuditAnswers => Set<Domain.Audit.AuditAnswer>();

    public DbSet<Domain.Audit.FollowUpAction> FollowUpActions => Set<Domain.Audit.FollowUpAction>();

    public DbSet<Domain.Audit.Assignment> Assignments => Set<Domain.Audit.Assignment>();

    public DbSet<Domain.Audit.DueDateReminder> DueDateReminders => Set<Domain.Audit.DueDateReminder>();

    public DbSet<Domain.Audit.AuditorScope> AuditorScopes => Set<Domain.Audit.AuditorScope>();

    public DbSet<Domain.Audit.InternalControlPlan> InternalControlPlans => Set<Domain.Audit.InternalControlPlan>();

    public Task<int> NextCaseSequenceAsync(string prefix, int year, int? atLeast = null, CancellationToken cancellationToken = default) =>
        TakeNumbersAsync(NumberSeriesKeys.CaseNumbers(prefix), year, 1, atLeast, cancellationToken);

    public async Task<int> TakeNumbersAsync(string series, int year, int count = 1, int? atLeast = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, atLeast is null ? 1 : 0);
        // One statement: the row is created or its counter raised under PostgreSQL's row lock, then returned. Inside the
        // caller's transaction, a rollback gives the numbers back, so a series has no gaps from failed saves.
        var rows = atLeast is { } floor
            ? await Database.SqlQuery<int>($"""
                INSERT INTO number_series (series, year, last_number) VALUES ({series}, {year}, {floor})
                ON CONFLICT (series, year) DO UPDATE SET last_number = GREATEST(number_series.last_number, EXCLUDED.last_number)
                RETURNING last_number AS "Value"
                """).ToListAsync(cancellationToken)
            : await Database.SqlQuery<int>($"""
                INSERT INTO number_series (series, year, last_number) VALUES ({series}, {year}, {count})
                ON CONFLICT (series, year) DO UPDATE SET last_number = number_series.last_number + {count}
                RETURNING last_number AS "Value"
                """).ToListAsync(cancellationToken);
        return rows[0];
    }

    public async Task<bool> ReturnLastNumberAsync(string series, int year, int number, CancellationToken cancellationToken = default) =>
        await Database.ExecuteSqlAsync(
            $"UPDATE number_series SET last_number = last_number - 1 WHERE series = {series} AND year = {year} AND last_number = {number}",
            cancellationToken) == 1;

    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    public Task LockOrganRosterAsync(Guid organId, CancellationToken cancellationToken = default) =>
        AdvisoryLockAsync("roster:" + organId.ToString("N"), cancellationToken);

    public Task LockCaseDocumentsAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        AdvisoryLockAsync("case-documents:" + caseId.ToString("N"), cancellationToken);

    public Task LockJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        AdvisoryLockAsync("job:" + jobId, cancellationToken);

    public async Task<IAsyncDisposable?> TryHoldAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(hashtextextended(@key, 0))";
            command.Parameters.Add(new Npgsql.NpgsqlParameter("key", key));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new SessionLock(this, key);
            }
        }
        catch
        {
            await Database.CloseConnectionAsync();
            throw;
        }

        await Database.CloseConnectionAsync();
        return null;
    }

    // A session-scoped advisory lock on the connection the context keeps open until it is let go: explicitly unlocked
    // (a pooled connection would otherwise carry it to its next user until its reset), then the connection is closed.
    private sealed class SessionLock(AppDbContext context, string key) : IAsyncDisposable
    {
        private bool _released;

        public async ValueTask DisposeAsync()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            try
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({key}, 0))");
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
    }

    // A transaction-scoped advisory lock: released by PostgreSQL at commit or rollback, whatever happens here.
    private async Task AdvisoryLockAsync(string key, CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    public async Task<string> StoreFileBlobAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sha256 = FileBlob.Checksum(content);
        if (await FileBlobs.AnyAsync(b => b.Sha256 == sha256, cancellationToken))
        {
            return sha256;
        }

        // ON CONFLICT: the same bytes uploaded to two cases at the same moment are stored once, without an error.
        await Database.ExecuteSqlAsync(
            $"INSERT INTO file_blobs (sha256, length, content) VALUES ({sha256}, {content.LongLength}, {content}) ON CONFLICT (sha256) DO NOTHING",
            cancellationToken);
        return sha256;
    }

    public async Task<byte[]> ReadFileBlobRangeAsync(string sha256, long offset, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // substring of a bytea counts from 1 and takes integers (a stored file is far below 2 GiB); PostgreSQL fetches
        // only the TOAST chunks the slice needs.
        var from = checked((int)(offset + 1));
        var slices = await Database.SqlQuery<byte[]>(
            $"SELECT substring(content from {from} for {count}) AS \"Value\" FROM file_blobs WHERE sha256 = {sha256}").ToListAsync(cancellationToken);
        return slices.Count == 1 ? slices[0] : throw new InvalidOperationException("The stored file is missing.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        // Identity names its tables explicitly (AspNetUsers, …); give them the same snake_case as the rest.
        builder.Entity<ApplicationUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(200);
            // Written only by the authenticator provider's conditional UPDATE; a save of a stale user never rolls it back.
            b.Property(u => u.LastTotpTimeStep).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<NumberSeries>(series =>
        {
            series.ToTable("number_series");
            series.HasKey(s => new { s.Series, s.Year });
            series.Property(s => s.Series).HasMaxLength(100);
        });
    }
}
