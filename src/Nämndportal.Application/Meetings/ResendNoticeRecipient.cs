using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Meetings;

/// <summary>"Skicka igen": the secretary has checked an interrupted or failed mail of a kallelse or a change notice.</summary>
public sealed record ResendNoticeRecipient(Guid MeetingId, Guid RecipientId);

/// <summary>
/// Releases one recipient row for sending again (<see cref="Domain.Meetings.NoticeRecipient.ReleaseForResend"/>) and starts
/// the job that sends what is pending: <see cref="SendNoticeJob"/> (with a new task whose id is returned) or
/// <see cref="NotifyMeetingChangeJob"/> (no task: Guid.Empty). ManageOrgan for the organ; NotFound otherwise.
/// </summary>
public sealed class ResendNoticeRecipientHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IJobScheduler jobs)
{
    public async Task<Result<Guid>> HandleAsync(ResendNoticeRecipient request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var found = await (from r in db.NoticeRecipients
                           join v in db.NoticeVersions on r.NoticeVersionId equals v.Id
                           join m in db.Meetings on v.MeetingId equals m.Id
                           where r.Id == request.RecipientId && m.Id == request.MeetingId
                           select new { Recipient = r, Version = v, m.OrganId, m.StartsAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !await access.CanAsync(Operation.ManageOrgan, found.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Mottagaren");
        }

        try
        {
            found.Recipient.ReleaseForResend();
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        if (found.Recipient.ChangeNoticeId is { } changeNoticeId)
        {
            await db.SaveChangesAsync(cancellationToken);
            jobs.Enqueue<NotifyMeetingChangeJob>(job => job.RunAsync(changeNoticeId, CancellationToken.None));
            return Result<Guid>.Ok(Guid.Empty);
        }

        var task = new BackgroundTask(SendNoticeHandler.Kind, $"Kallelse skickas igen ({SwedishTime.LocalDate(found.StartsAt):yyyy-MM-dd}, version {found.Version.Number})", user.UserId);
        db.BackgroundTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        var versionId = found.Version.Id;
        jobs.Enqueue<SendNoticeJob>(job => job.RunAsync(task.Id, versionId, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }
}
