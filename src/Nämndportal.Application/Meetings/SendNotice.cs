using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Jobs;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Skicka kallelse: the first kallelse, or a re-issue after a change (then <paramref name="ChangeNote"/> is required).
/// </summary>
/// <param name="Version">The meeting's row version as the page loaded it: a stale page is refused naming who changed it.</param>
/// <param name="ConfirmWarnings">The sender saw the warnings (late kallelse, open checks) and sends anyway.</param>
/// <param name="LateReason">Rule 3: why fullmäktige's kallelse goes on the anslagstavla less than seven days before the meeting.</param>
/// <param name="OfficialUserIds">Officials of the organ the secretary adds (the nämndsekreterare are always called).</param>
/// <param name="Others">Anyone else, by name and e-mail.</param>
public sealed record SendNotice(
    Guid MeetingId,
    uint Version,
    string? ChangeNote,
    bool ConfirmWarnings,
    string? LateReason,
    IReadOnlyList<Guid> OfficialUserIds,
    IReadOnlyList<ExtraRecipient> Others);

public sealed class SendNoticeValidator : AbstractValidator<SendNotice>
{
    public SendNoticeValidator()
    {
        RuleFor(x => x.ChangeNote).MaximumLength(1000).WithMessage("Ändringsnoteringen får ha högst 1 000 tecken.");
        RuleFor(x => x.LateReason).MaximumLength(1000).WithMessage("Skälet får ha högst 1 000 tecken.");
        RuleFor(x => x.OfficialUserIds).NotNull().Must(l => l.Count <= 50).WithMessage("Högst 50 tjänstemän kan läggas till.");
        RuleFor(x => x.Others).NotNull().Must(l => l.Count <= 50).WithMessage("Högst 50 övriga mottagare kan läggas till.");
        RuleForEach(x => x.Others).ChildRules(o =>
        {
            o.RuleFor(r => r.Name).NotEmpty().WithMessage("Skriv mottagarens namn.").MaximumLength(200).WithMessage("Namnet får ha högst 200 tecken.");
            o.RuleFor(r => r.Email).NotEmpty().WithMessage("Skriv mottagarens e-postadress.").EmailAddress().WithMessage("E-postadressen är inte giltig.")
                .MaximumLength(256).WithMessage("E-postadressen får ha högst 256 tecken.");
        });
    }
}

/// <summary>
/// Sends a meeting's kallelse, for the organ's nämndsekreterare or an administrator (ManageOrgan); anyone else gets
/// NotFound. With warnings (rule 1 lateness, the agenda checks' open warnings) and no confirmation it returns
/// <see cref="ConfirmationNeeded"/> and the warnings; confirmed, they are stored on the version with who sent it. In one
/// transaction: the new <see cref="NoticeVersion"/> (the unique (meeting, number) index refuses a double send), the
/// meeting's <see cref="Meeting.RecordNoticeSent"/> against the page's version, the <see cref="NoticeRecipient"/> rows and
/// a background task; then <see cref="SendNoticeJob"/> is enqueued. Returns the task id.
/// </summary>
public sealed class SendNoticeHandler(
    IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IUserDirectory users, IJobScheduler jobs,
    TimeProvider clock, IValidator<SendNotice> validator)
{
    public const string Kind = "notice-send";

    /// <summary>The error code when the sender must confirm the warnings first.</summary>
    public const string ConfirmationNeeded = "confirmation_needed";

    /// <summary>The error code when fullmäktige's kallelse is late for the anslagstavla and no reason is given (rule 3).</summary>
    public const string LateReasonNeeded = "late_reason_needed";

    public async Task<Result<Guid>> HandleAsync(SendNotice request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(request.MeetingId, track: true, cancellationToken);
        if (meeting is null || !grants.CanEdit(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var warnings = await WarningsAsync(db, grants, meeting, organ, today, cancellationToken);
        if (warnings.Count > 0 && !request.ConfirmWarnings)
        {
            return new Error(ConfirmationNeeded, "Kontrollera varningarna och bekräfta att du vill skicka ändå:\n" + string.Join("\n", warnings));
        }

        if (NeedsLateReason(organ, meeting, today) && string.IsNullOrWhiteSpace(request.LateReason))
        {
            return new Error(LateReasonNeeded,
                "Fullmäktiges kallelse ska sitta på anslagstavlan minst sju dagar före sammanträdet. Skriv varför den sätts upp senare.");
        }

        var senderName = (user.UserId is { } uid ? (await users.ContactAsync(uid, cancellationToken))?.Name : null) ?? user.UserName ?? "okänd";
        var now = clock.GetUtcNow();
        NoticeVersion version;
        BackgroundTask task;
        try
        {
            version = new NoticeVersion(meeting.Id, meeting.NoticeVersionNumber + 1, request.ChangeNote, now, user.UserId, senderName);
            version.RecordConfirmedWarnings(warnings);
            version.RecordBoardLateReason(request.LateReason);
            db.SetOriginalVersion(meeting, request.Version);
            meeting.RecordNoticeSent(version.Number);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            db.NoticeVersions.Add(version);
            db.NoticeRecipients.AddRange(await NoticeCallList.BuildAsync(
                db, users, meeting, version.Id, request.OfficialUserIds, request.Others, cancellationToken));
            task = new BackgroundTask(Kind, $"Kallelse skickas ({meeting.LocalDate:yyyy-MM-dd}, version {version.Number})", user.UserId);
            db.BackgroundTasks.Add(task);
            version.RecordSendTask(task.Id);
            var saved = await db.SaveOrConflictAsync(meeting, version.Id, cancellationToken);
            if (!saved.Succeeded)
            {
                return saved.Error!.Code == "conflict"
                    ? saved.Error
                    : new Error("conflict", "Kallelsen har just skickats av någon annan. Ladda om sidan.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        jobs.Enqueue<SendNoticeJob>(job => job.RunAsync(task.Id, version.Id, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }

    /// <summary>
    /// What the sender must confirm: the open warnings of the agenda checks, rule 1's lateness (the reglemente's days
    /// before the meeting, judged on today's Stockholm date), and a meeting on a day when nobody holds a seat.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> WarningsAsync(
        IAppDbContext db, AccessSnapshot grants, Meeting meeting, Organ organ, DateOnly today, CancellationToken cancellationToken)
    {
        var facts = await AgendaFacts.LoadAsync(db, grants, meeting.Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList(), cancellationToken);
        var checks = AgendaChecks.Evaluate(meeting, organ.Rules, today, facts.ForAll(meeting));
        var warnings = checks.Where(c => c.IsWarning).Select(c => c.Message).ToList();
        if (meeting.IsNoticeLate(today, organ.Rules) && checks.All(c => c.Kind != AgendaCheckKind.NoticeLate))
        {
            warnings.Insert(0, $"Kallelsen skickas efter sista dagen {meeting.NoticeDeadline(organ.Rules):yyyy-MM-dd} ({organ.Rules.NoticeDaysBeforeMeeting} dagar före sammanträdet enligt reglementet).");
        }

        // A meeting after the term's end (the new term's roster not yet entered), say: nobody elected would be called.
        var date = meeting.LocalDate;
        if (!await db.Memberships.AnyAsync(m => m.OrganId == meeting.OrganId && m.ValidFrom <= date && (m.ValidTo == null || m.ValidTo >= date), cancellationToken))
        {
            warnings.Insert(0, $"Ingen ledamot eller ersättare har ett uppdrag i {organ.Name} som gäller på sammanträdesdagen {date:yyyy-MM-dd}. "
                + "Kallelsen går bara till tjänstemännen. Kontrollera ledamotslistan.");
        }

        return warnings;
    }

    /// <summary>Rule 3: fullmäktige's kallelse less than seven days before the meeting needs a recorded reason on the anslagstavla.</summary>
    internal static bool NeedsLateReason(Organ organ, Meeting meeting, DateOnly today) =>
        organ.Kind == OrganKind.Fullmaktige && meeting.LocalDate.DayNumber - today.DayNumber < 7;
}
