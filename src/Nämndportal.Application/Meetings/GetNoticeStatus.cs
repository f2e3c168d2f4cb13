using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Meetings;

/// <summary>The kallelse section of a meeting's page: what was sent, to whom and how it went, and what sending needs.</summary>
public sealed record GetNoticeStatus(Guid MeetingId);

/// <param name="CanSend">The organ's nämndsekreterare or an administrator, and the meeting still open for planning.</param>
/// <param name="Warnings">What the sender must confirm (editors only).</param>
/// <param name="NeedsLateReason">Rule 3: fullmäktige's kallelse goes on the anslagstavla less than seven days before.</param>
/// <param name="Officials">Officials of the organ the secretary may add as recipients (not the nämndsekreterare, always called).</param>
/// <param name="UnfinishedSendTaskId">The latest version's sending task while it has not succeeded (editors only): its progress is shown.</param>
public sealed record NoticeStatusView(
    Guid MeetingId, uint MeetingVersion, MeetingStatus Status, int NoticeVersionNumber, bool CanManage, bool CanSend, bool HasAgenda,
    IReadOnlyList<string> Warnings, bool NeedsLateReason, IReadOnlyList<Lookup> Officials, IReadOnlyList<NoticeVersionView> Versions,
    IReadOnlyList<ChangeNoticeView> Changes, Guid? UnfinishedSendTaskId = null);

/// <param name="Packs">The packs of this version the user may download (name and stored file id).</param>
/// <param name="Recipients">The recipient list with each one's delivery (editors only).</param>
/// <param name="BoardRefusal">Why the anslagstavla refused this version's kallelse (editors only).</param>
public sealed record NoticeVersionView(
    Guid Id, int Number, DateTimeOffset SentAt, string SentByName, string? ChangeNote, string? ConfirmedWarnings,
    IReadOnlyList<NoticePackLink> Packs, IReadOnlyList<NoticeRecipientView> Recipients, string? BoardRefusal = null);

public sealed record NoticePackLink(string Name, Guid FileId);

public sealed record NoticeRecipientView(
    Guid Id, string Name, string Capacity, string? Email, DeliveryStatus Status, DateTimeOffset? SentAt, string? LastError)
{
    /// <summary>Interrupted (left in Sending) or failed: the secretary may send it again.</summary>
    public bool CanResend => Status is DeliveryStatus.Sending or DeliveryStatus.Failed;
}

/// <summary>A move or cancellation told to those called, with each one's delivery (editors only).</summary>
public sealed record ChangeNoticeView(Guid Id, MeetingChangeKind Kind, string Text, DateTimeOffset SentAt, string SentByName, IReadOnlyList<NoticeRecipientView> Recipients);

public sealed class GetNoticeStatusHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users, TimeProvider clock)
{
    public async Task<Result<NoticeStatusView>> HandleAsync(GetNoticeStatus request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(request.MeetingId, track: false, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var canManage = grants.CanEdit(meeting);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var versions = await db.NoticeVersions.AsNoTracking().Where(v => v.MeetingId == meeting.Id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var versionViews = new List<NoticeVersionView>();
        var changes = new List<ChangeNoticeView>();
        IReadOnlyList<string> warnings = [];
        IReadOnlyList<Lookup> officials = [];
        Guid? unfinishedSend = null;
        if (canManage)
        {
            var ids = versions.Select(v => v.Id).ToList();
            var recipients = (await db.NoticeRecipients.AsNoTracking().Where(r => ids.Contains(r.NoticeVersionId)).ToListAsync(cancellationToken))
                .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false)).ToList();
            var readsMembersPack = grants.IsMemberDuring(meeting.OrganId, meeting.LocalDate, meeting.LocalDate) || grants.Can(Operation.ReadSecretDocuments, meeting.OrganId);
            versionViews.AddRange(versions.Select(v => new NoticeVersionView(
                v.Id, v.Number, v.SentAt, v.SentByName, v.ChangeNote, v.ConfirmedWarnings, AllPacks(v, readsMembersPack),
                recipients.Where(r => r.NoticeVersionId == v.Id && r.ChangeNoticeId == null).Select(View).ToList(), v.BoardRefusal)));
            if (versions.FirstOrDefault()?.SendTaskId is { } sendTaskId
                && await db.BackgroundTasks.AnyAsync(t => t.Id == sendTaskId && t.Status != Domain.Jobs.BackgroundTaskStatus.Succeeded, cancellationToken))
            {
                unfinishedSend = sendTaskId;
            }

            var notices = await db.MeetingChangeNotices.AsNoTracking().Where(c => c.MeetingId == meeting.Id).OrderByDescending(c => c.SentAt).ToListAsync(cancellationToken);
            changes.AddRange(notices.Select(c => new ChangeNoticeView(
                c.Id, c.Kind, c.Text, c.SentAt, c.SentByName, recipients.Where(r => r.ChangeNoticeId == c.Id).Select(View).ToList())));
            if (meeting.IsOpenForPlanning && meeting.Items.Count > 0)
            {
                warnings = await SendNoticeHandler.WarningsAsync(db, grants, meeting, organ, today, cancellationToken);
            }

            var officialIds = await db.OrganOfficials.AsNoTracking()
                .Where(o => o.OrganId == meeting.OrganId && o.Function != OfficialFunction.Namndsekreterare)
                .Select(o => o.UserId).Distinct().ToListAsync(cancellationToken);
            var names = await users.DisplayNamesAsync(officialIds, cancellationToken);
            officials = names.Select(n => new Lookup(n.Key, n.Value)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        }
        else if (versions.FirstOrDefault() is { } latest)
        {
            // A member reads the members' pack of the latest version only (docs/security.md, "Kallelse packs").
            var date = meeting.LocalDate;
            NoticePackLink? pack = null;
            if (latest.MembersPackFileId is { } members && (grants.IsMemberDuring(meeting.OrganId, date, date) || grants.Can(Operation.ReadSecretDocuments, meeting.OrganId)))
            {
                pack = new NoticePackLink(NoticePackService.VariantName(PackVariant.Members), members);
            }
            else if (latest.RedactedPackFileId is { } redacted && grants.Can(Operation.ReadHandlingar, meeting.OrganId, date))
            {
                pack = new NoticePackLink(NoticePackService.VariantName(PackVariant.MembersWithoutSecrets), redacted);
            }

            versionViews.Add(new NoticeVersionView(latest.Id, latest.Number, latest.SentAt, latest.SentByName, latest.ChangeNote, null, pack is null ? [] : [pack], []));
        }

        return Result<NoticeStatusView>.Ok(new NoticeStatusView(
            meeting.Id, meeting.Version, meeting.Status, meeting.NoticeVersionNumber, canManage, canManage && meeting.IsOpenForPlanning,
            meeting.Items.Count > 0, warnings, canManage && SendNoticeHandler.NeedsLateReason(organ, meeting, today), officials, versionViews, changes, unfinishedSend));
    }

    private static List<NoticePackLink> AllPacks(NoticeVersion v, bool readsMembersPack)
    {
        var packs = new List<NoticePackLink>();
        if (v.MembersPackFileId is { } m && readsMembersPack)
        {
            packs.Add(new NoticePackLink(NoticePackService.VariantName(PackVariant.Members), m));
        }

        if (v.RedactedPackFileId is { } r)
        {
            packs.Add(new NoticePackLink(NoticePackService.VariantName(PackVariant.MembersWithoutSecrets), r));
        }

        if (v.PublicPackFileId is { } p)
        {
            packs.Add(new NoticePackLink(NoticePackService.VariantName(PackVariant.Public), p));
        }

        return packs;
    }

    private static NoticeRecipientView View(NoticeRecipient r) => new(r.Id, r.Name, r.Capacity, r.Email, r.Status, r.SentAt, r.LastError);
}
