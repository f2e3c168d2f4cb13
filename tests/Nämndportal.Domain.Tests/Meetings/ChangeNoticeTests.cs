using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Notifications;

namespace Nämndportal.Domain.Tests.Meetings;

public class ChangeNoticeTests
{
    private static readonly DateTimeOffset Start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));

    [Fact]
    public void A_cancellation_notice_tells_the_reason_and_the_time_the_meeting_was_announced_for()
    {
        var meeting = new Meeting(Guid.NewGuid(), Start, null, "Björken");
        meeting.Cancel("Ordföranden är sjuk.", Start.AddDays(-2));

        var notice = MeetingChangeNotice.Cancelled(meeting, Guid.NewGuid(), Start.AddDays(-2), "Sara Sekreterare");

        notice.Kind.ShouldBe(MeetingChangeKind.Cancelled);
        notice.Text.ShouldBe("Ordföranden är sjuk.");
        notice.AnnouncedStartsAt.ShouldBe(Start);
    }

    [Fact]
    public void A_meeting_that_is_not_cancelled_gets_no_cancellation_notice()
    {
        var meeting = new Meeting(Guid.NewGuid(), Start, null, "Björken");

        Should.Throw<DomainException>(() => MeetingChangeNotice.Cancelled(meeting, Guid.NewGuid(), Start, "Sara Sekreterare"));
    }

    [Fact]
    public void The_recipient_of_a_change_notice_is_the_same_person_with_a_fresh_delivery_even_when_the_kallelse_reached_them()
    {
        var called = new NoticeRecipient(Guid.NewGuid(), "Anna Andersson", "Anna.Andersson@exempelby.se", "Ledamot (S)", Guid.NewGuid(), Guid.NewGuid());
        called.RecordSending();
        called.RecordSent(Start.AddDays(-7));
        var changeNoticeId = Guid.NewGuid();

        var told = called.ForChangeNotice(changeNoticeId);

        (told.Name, told.Email, told.Capacity, told.PersonId, told.UserId, told.NoticeVersionId)
            .ShouldBe((called.Name, "anna.andersson@exempelby.se", called.Capacity, called.PersonId, called.UserId, called.NoticeVersionId));
        told.ChangeNoticeId.ShouldBe(changeNoticeId);
        told.Status.ShouldBe(DeliveryStatus.Pending);
        told.NeedsSending.ShouldBeTrue();
    }

    [Fact]
    public void A_notis_stays_read_from_the_first_time_it_was_opened()
    {
        var notification = new Notification(Guid.NewGuid(), Notification.NoticeKey(Guid.NewGuid()), "Kallelse till Omsorgsnämnden.", "/sammantraden/x", Start);

        notification.MarkRead(Start.AddHours(1));
        notification.MarkRead(Start.AddHours(2));

        notification.ReadAt.ShouldBe(Start.AddHours(1));
    }
}
