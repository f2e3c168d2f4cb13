using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.NoticeBoard;

public class PostingTests
{
    private static readonly DateOnly MeetingDay = new(2026, 12, 21);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rule2_Closed_namnd_kallelse_is_not_put_on_the_board()
    {
        var namnd = Organ("Omsorgsnämnden", OrganKind.Namnd, publicMeetings: false);
        var error = Should.Throw<DomainException>(() => Kallelse(namnd, MeetingDay.AddDays(-20)));
        error.Message.ShouldContain("inte offentliga");
    }

    [Fact]
    public void Rule2_Namnd_configured_public_gets_its_kallelse_on_the_board()
    {
        var namnd = Organ("Byggnadsnämnden", OrganKind.Namnd, publicMeetings: true);
        var posting = Kallelse(namnd, MeetingDay.AddDays(-3));
        posting.Kind.ShouldBe(PostingKind.Kallelse);
        posting.OrganName.ShouldBe("Byggnadsnämnden");
        posting.LateReason.ShouldBeNull("the seven days are fullmäktige's rule, not a public nämnd's");
    }

    [Fact]
    public void Rule2_Fullmaktige_kallelse_goes_on_the_board_even_when_the_reglemente_says_closed()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, publicMeetings: false);
        Kallelse(fullmaktige, MeetingDay.AddDays(-21)).Title.ShouldBe("Kallelse till Kommunfullmäktige 2026-12-21");
    }

    [Fact]
    public void Rule3_Fullmaktige_kallelse_published_at_least_7_days_before_needs_no_reason()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, publicMeetings: true);
        var posting = Kallelse(fullmaktige, MeetingDay.AddDays(-7));
        posting.UpOn.ShouldBe(new DateOnly(2026, 12, 14));
        posting.LateReason.ShouldBeNull();
    }

    [Fact]
    public void Rule3_Fullmaktige_kallelse_published_less_than_7_days_before_requires_a_reason()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, publicMeetings: true);
        var error = Should.Throw<DomainException>(() => Kallelse(fullmaktige, MeetingDay.AddDays(-6)));
        error.Message.ShouldContain("minst 7 dagar före sammanträdet");
        Should.Throw<DomainException>(() => Kallelse(fullmaktige, MeetingDay.AddDays(-6), lateReason: "   "));

        var late = Kallelse(fullmaktige, MeetingDay.AddDays(-6), lateReason: " Extra sammanträde om krisberedskap. ");
        late.LateReason.ShouldBe("Extra sammanträde om krisberedskap.");
    }

    [Fact]
    public void Kallelse_keeps_its_own_copy_of_time_place_and_agenda()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, publicMeetings: true);
        var meeting = MeetingOf(fullmaktige);
        var fileId = Guid.NewGuid();
        var posting = Posting.ForKallelse(fullmaktige, meeting, ["Val av justerare", " ", "Budget 2027 "], fileId, MeetingDay.AddDays(-10), Now, "sekreterare@exempelby.se");

        posting.MeetingId.ShouldBe(meeting.Id);
        posting.MeetingStartsAt.ShouldBe(meeting.StartsAt);
        posting.Place.ShouldBe("Sessionssalen, Stadshuset");
        posting.AgendaLines.ShouldBe(["Val av justerare", "Budget 2027"]);
        posting.PublicFileId.ShouldBe(fileId);
        posting.PublishedBy.ShouldBe("sekreterare@exempelby.se");
    }

    [Fact]
    public void Kallelse_comes_down_the_day_after_the_meeting()
    {
        var posting = Kallelse(Organ("Kommunfullmäktige", OrganKind.Fullmaktige, true), MeetingDay.AddDays(-10));
        posting.DownOn.ShouldBe(new DateOnly(2026, 12, 22));
        posting.IsUpOn(MeetingDay.AddDays(-11)).ShouldBeFalse();
        posting.IsUpOn(MeetingDay.AddDays(-10)).ShouldBeTrue();
        posting.IsUpOn(new DateOnly(2026, 12, 22)).ShouldBeTrue();
        posting.IsUpOn(new DateOnly(2026, 12, 23)).ShouldBeFalse();
    }

    [Fact]
    public void UpOn_after_DownOn_is_refused_so_a_kallelse_for_a_meeting_already_held_is_refused()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, true);
        Should.Throw<DomainException>(() => Kallelse(fullmaktige, MeetingDay.AddDays(1), lateReason: "Sent"))
            .Message.ShouldBe("Sammanträdet har redan hållits.");
    }

    [Fact]
    public void Kallelse_for_a_meeting_of_another_organ_is_refused()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, true);
        var other = Organ("Kommunstyrelsen", OrganKind.Kommunstyrelse, true);
        Should.Throw<DomainException>(() => Posting.ForKallelse(fullmaktige, MeetingOf(other), [], null, MeetingDay.AddDays(-10), Now, "s"));
    }

    [Fact]
    public void Rule16_Posting_is_never_taken_down_before_its_last_day()
    {
        var posting = Kallelse(Organ("Kommunfullmäktige", OrganKind.Fullmaktige, true), MeetingDay.AddDays(-10));
        var error = Should.Throw<DomainException>(() => posting.TakeDown(posting.DownOn, Now, "sekreterare@exempelby.se"));
        error.Message.ShouldBe("Anslaget ska sitta uppe till och med 2026-12-22 och kan inte tas ned tidigare.");
        posting.IsUpOn(posting.DownOn).ShouldBeTrue();

        posting.TakeDown(posting.DownOn.AddDays(1), Now, "sekreterare@exempelby.se");
        posting.TakenDownAt.ShouldBe(Now);
    }

    [Fact]
    public void Reissued_kallelse_replaces_the_earlier_posting_which_is_kept()
    {
        var fullmaktige = Organ("Kommunfullmäktige", OrganKind.Fullmaktige, true);
        var meeting = MeetingOf(fullmaktige);
        var first = Posting.ForKallelse(fullmaktige, meeting, ["Budget"], null, MeetingDay.AddDays(-14), Now, "s");
        var second = Posting.ForKallelse(fullmaktige, meeting, ["Budget", "Extra ärende"], null, MeetingDay.AddDays(-8), Now.AddDays(6), "s");

        first.Replace(second, Now.AddDays(6), "sekreterare@exempelby.se");

        first.ReplacedByPostingId.ShouldBe(second.Id);
        first.IsUpOn(MeetingDay.AddDays(-8)).ShouldBeFalse();
        second.IsUpOn(MeetingDay.AddDays(-8)).ShouldBeTrue();
        Should.Throw<DomainException>(() => first.Replace(second, Now, "s"));
        Should.Throw<DomainException>(() => second.Replace(Posting.ForKallelse(fullmaktige, MeetingOf(fullmaktige), [], null, MeetingDay.AddDays(-8), Now, "s"), Now, "s"))
            .Message.ShouldContain("samma sammanträde");
    }

    private static Posting Kallelse(Organ organ, DateOnly today, string? lateReason = null) =>
        Posting.ForKallelse(organ, MeetingOf(organ), ["Val av justerare"], null, today, Now, "sekreterare@exempelby.se", lateReason);

    private static Meeting MeetingOf(Organ organ) =>
        new(organ.Id, SwedishTime.FromLocal(MeetingDay, new TimeOnly(18, 30)), null, "Sessionssalen, Stadshuset");

    private static Organ Organ(string name, OrganKind kind, bool publicMeetings)
    {
        var organ = new Organ(name, name[..2].ToUpperInvariant(), kind, "X");
        organ.Update(organ.Name, organ.ShortName, kind, "X", null, null, null, new OrganRules(5, 14, 1, publicMeetings, false));
        return organ;
    }
}
