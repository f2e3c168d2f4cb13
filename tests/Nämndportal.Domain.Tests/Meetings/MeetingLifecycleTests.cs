using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Meetings;

public class MeetingLifecycleTests
{
    private static readonly DateTimeOffset Start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));

    private static Meeting Planned() => new(Guid.NewGuid(), Start, Start.AddHours(3), "Björken");

    private static Meeting WithAgenda()
    {
        var meeting = Planned();
        meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        return meeting;
    }

    [Fact]
    public void A_meeting_goes_from_planned_to_called_to_in_session_to_held()
    {
        var meeting = WithAgenda();
        meeting.RecordNoticeSent(1);
        meeting.Status.ShouldBe(MeetingStatus.KallelseSkickad);
        meeting.Open();
        meeting.Status.ShouldBe(MeetingStatus.Pagar);
        meeting.Close();
        meeting.Status.ShouldBe(MeetingStatus.Genomfort);
    }

    [Fact]
    public void A_meeting_cannot_open_before_its_kallelse_is_sent()
    {
        var meeting = WithAgenda();
        Should.Throw<DomainException>(meeting.Open).Message.ShouldContain("Kallelsen har inte skickats");
        meeting.Status.ShouldBe(MeetingStatus.Planerat);
    }

    [Fact]
    public void A_kallelse_needs_at_least_one_item()
    {
        var meeting = Planned();
        Should.Throw<DomainException>(() => meeting.RecordNoticeSent(1)).Message.ShouldContain("tom");
    }

    [Fact]
    public void A_re_issue_must_be_the_next_version()
    {
        var meeting = WithAgenda();
        meeting.RecordNoticeSent(1);
        Should.Throw<DomainException>(() => meeting.RecordNoticeSent(1));
        meeting.RecordNoticeSent(2);
        meeting.NoticeVersionNumber.ShouldBe(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cancelling_is_allowed_while_planned_or_called_and_needs_a_reason(bool called)
    {
        var meeting = WithAgenda();
        if (called)
        {
            meeting.RecordNoticeSent(1);
        }

        Should.Throw<DomainException>(() => meeting.Cancel(" ", Start.AddDays(-2))).Message.ShouldContain("varför");
        meeting.Cancel("Ordföranden är sjuk och vice ordförande bortrest.", Start.AddDays(-2));
        meeting.Status.ShouldBe(MeetingStatus.Installt);
        meeting.CancellationReason.ShouldBe("Ordföranden är sjuk och vice ordförande bortrest.");
        meeting.ScheduleRevision.ShouldBe(1);
    }

    [Fact]
    public void A_meeting_in_session_or_held_cannot_be_cancelled_or_moved()
    {
        var meeting = WithAgenda();
        meeting.RecordNoticeSent(1);
        meeting.Open();
        Should.Throw<DomainException>(() => meeting.Cancel("Skäl", Start)).Message.ShouldContain("pågår");
        Should.Throw<DomainException>(() => meeting.Reschedule(Start.AddDays(1), null, "Eken")).Message.ShouldContain("pågår");
        meeting.Close();
        Should.Throw<DomainException>(() => meeting.Cancel("Skäl", Start)).Message.ShouldContain("genomfört");
    }

    [Fact]
    public void Moving_a_meeting_raises_the_schedule_revision_only_when_something_changed()
    {
        var meeting = WithAgenda();
        meeting.Reschedule(Start, Start.AddHours(3), "Björken").ShouldBeFalse();
        meeting.ScheduleRevision.ShouldBe(0);
        meeting.Reschedule(Start.AddDays(1), Start.AddDays(1).AddHours(3), "Eken").ShouldBeTrue();
        meeting.ScheduleRevision.ShouldBe(1);
        meeting.Place.ShouldBe("Eken");
    }

    [Fact]
    public void Rule1_kallelse_deadline_is_the_reglemente_number_of_days_before_the_meeting()
    {
        var meeting = Planned();
        var rules = OrganRules.Default;
        meeting.NoticeDeadline(rules).ShouldBe(new DateOnly(2026, 12, 4));
        meeting.IsNoticeLate(new DateOnly(2026, 12, 4), rules).ShouldBeFalse();
        meeting.IsNoticeLate(new DateOnly(2026, 12, 5), rules).ShouldBeTrue();

        var tenDays = new OrganRules(10, 14, 1, false, false);
        meeting.NoticeDeadline(tenDays).ShouldBe(new DateOnly(2026, 11, 29));
    }
}
