using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Jobs;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Meetings;

/// <summary>Print a draft of a meeting's kallelse pack before it is sent ("Skapa handlingspaket").</summary>
public sealed record StartNoticePackDraft(Guid MeetingId);

/// <summary>
/// Starts <see cref="RenderNoticePackDraftJob"/> for the organ's secretary (or an administrator) and returns the task whose
/// progress the page shows.
/// </summary>
public sealed class StartNoticePackDraftHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, IJobScheduler jobs)
{
    public const string Kind = "notice-pack-draft";

    public async Task<Result<Guid>> HandleAsync(StartNoticePackDraft request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !await access.CanAsync(Operation.ManageOrgan, meeting.OrganId, null, cancellationToken))
        {
            return Error.NotFound("Sammanträdet");
        }

        if (!await db.AgendaItems.AnyAsync(i => i.MeetingId == meeting.Id, cancellationToken))
        {
            return Error.Invalid("Föredragningslistan är tom. Lägg till punkter innan du skapar handlingspaketet.");
        }

        var task = new BackgroundTask(Kind, $"Handlingspaket, utkast ({meeting.LocalDate:yyyy-MM-dd})", user.UserId);
        db.BackgroundTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<RenderNoticePackDraftJob>(job => job.RunAsync(task.Id, meeting.Id, CancellationToken.None));
        return Result<Guid>.Ok(task.Id);
    }
}
