using Nämndportal.Domain.Common;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Domain.Tests.Jobs;

public class BackgroundTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Restarted_task_counts_its_attempts_and_starts_progress_over()
    {
        var task = new BackgroundTask("notice-pack-draft", "Handlingspaket, utkast", Guid.NewGuid());
        task.Start(Now);
        task.ReportProgress(40, "Ärende 2 av 5");
        task.Start(Now.AddMinutes(5));

        task.Attempts.ShouldBe(2);
        task.ProgressPercent.ShouldBe(0);
        task.Status.ShouldBe(BackgroundTaskStatus.Running);
    }

    [Fact]
    public void Finished_task_cannot_be_started_again()
    {
        var task = new BackgroundTask("notice-pack-draft", "Handlingspaket, utkast", null);
        task.Start(Now);
        task.Succeed(Guid.NewGuid(), Now);
        Should.Throw<DomainException>(() => task.Start(Now)).Message.ShouldBe("Jobbet är redan klart.");
    }

    [Fact]
    public void Progress_is_only_reported_while_running_and_kept_within_0_to_100()
    {
        var task = new BackgroundTask("notice-pack-draft", "Handlingspaket, utkast", null);
        Should.Throw<DomainException>(() => task.ReportProgress(10, "x"));
        task.Start(Now);
        task.ReportProgress(140, "klart snart");
        task.ProgressPercent.ShouldBe(100);
    }

    [Fact]
    public void Stored_file_records_its_length_and_SHA256()
    {
        var file = StoredFile.ForSample("a.pdf", "application/pdf", "abc"u8.ToArray(), null);
        file.Length.ShouldBe(3);
        file.Sha256.ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Should.Throw<DomainException>(() => StoredFile.ForSample("tom.pdf", "application/pdf", [], null));
    }
}
