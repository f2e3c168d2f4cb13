using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;
using Nämndportal.Application.Pdf;
using Nämndportal.Domain.Files;
using Nämndportal.Application.Jobs;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Prints a draft members' pack of a meeting, stamped "Utkast", for the secretary who asked; progress per item. It holds
/// secret handlingar only when the one who asked may read them. Safe to run again from the start after a crash, and
/// does nothing for a task that already succeeded.
/// </summary>
public sealed class RenderNoticePackDraftJob(
    IAppDbContextFactory dbFactory,
    NoticePackService packs,
    TimeProvider clock,
    ILogger<RenderNoticePackDraftJob> logger)
{
    public async Task RunAsync(Guid taskId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var run = await BackgroundTaskRun.StartAsync(db, taskId, clock, logger, "Kallelse pack draft", cancellationToken);
        if (run is null)
        {
            return;
        }

        var task = run.Task;
        try
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
            var organ = await db.Organs.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganId, cancellationToken);
            var mayReadSecret = task.RequestedByUserId is { } requester && await MayReadSecretAsync(db, requester, organ.Id, cancellationToken);
            var variant = mayReadSecret ? PackVariant.Members : PackVariant.MembersWithoutSecrets;

            var pack = await packs.BuildAsync(
                meetingId, variant, meeting.NoticeVersionNumber + 1, null, (percent, text) => run.ReportAsync(percent, text, cancellationToken, cap: 95),
                "Utkast", cancellationToken);
            var file = StoredFile.ForNoticePackDraft(
                $"utkast-kallelse-{meeting.LocalDate:yyyy-MM-dd}.pdf", pack.Pdf, meetingId, task.RequestedByUserId,
                await packs.HoldsSecretAsync(meetingId, variant, cancellationToken));
            db.StoredFiles.Add(file);
            await run.SucceedAsync(file.Id, cancellationToken);
            logger.LogInformation("Kallelse pack draft task {TaskId} succeeded: {Pages} pages", taskId, pack.PageCount);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.FailAsync("Handlingspaketet kunde inte skapas. Försök igen, och kontakta förvaltningens support om felet kvarstår.", ex);
            throw;
        }
    }

    // The job has no signed-in user. Only those who plan the organ's meetings start a draft, and of them the organ's
    // nämndsekreterare handles its secret matters (rule 22); an administrator gets the pack without secret handlingar.
    private static Task<bool> MayReadSecretAsync(IAppDbContext db, Guid userId, Guid organId, CancellationToken cancellationToken) =>
        db.OrganOfficials.AnyAsync(o => o.UserId == userId && o.OrganId == organId && o.Function == Domain.Organisation.OfficialFunction.Namndsekreterare, cancellationToken);
}
