using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Meetings;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>
/// The demo seeder sends two kallelser (Omsorgsnämnden's and fullmäktige's) and leaves the sending to the job engine,
/// which does not run in these tests (Jobs:RunServer is off): a test that needs what the sending produces runs the job here.
/// </summary>
public static class DemoSending
{
    /// <summary>Runs the sending job of the demo kallelse of the organ <paramref name="organShortName"/>; returns its notice version.</summary>
    public static async Task<Guid> RunAsync(PortalFactory app, DatabaseFixture database, string organShortName)
    {
        Guid versionId;
        Guid taskId;
        await using (var db = database.CreateContext())
        {
            var organ = await db.Organs.SingleAsync(o => o.ShortName == organShortName);
            var version = await (from v in db.NoticeVersions
                                 join m in db.Meetings on v.MeetingId equals m.Id
                                 where m.OrganId == organ.Id
                                 select v).SingleAsync();
            var meeting = await db.Meetings.SingleAsync(m => m.Id == version.MeetingId);
            var title = $"Kallelse skickas ({meeting.LocalDate:yyyy-MM-dd}, version {version.Number})";
            taskId = (await db.BackgroundTasks.SingleAsync(t => t.Kind == SendNoticeHandler.Kind && t.Title == title)).Id;
            versionId = version.Id;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendNoticeJob>().RunAsync(taskId, versionId, CancellationToken.None);
        return versionId;
    }
}
