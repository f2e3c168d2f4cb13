using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;
using static Nämndportal.Domain.Tests.IsoDates;

namespace Nämndportal.Domain.Tests.Minutes;

/// <summary>Rules 15, 16 and 24 as the justerat protokoll meets the anslagstavla.</summary>
public class PublicationTests
{
    private static readonly Guid Chair = Guid.NewGuid(), Adjuster = Guid.NewGuid(), Other = Guid.NewGuid();
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static MeetingMinutes Justerat()
    {
        var roster = new[]
        {
            new Attendee(Chair, AttendeeKind.Member, "Anna Ordf", "S", "Ordförande", null, 1),
            new Attendee(Adjuster, AttendeeKind.Member, "Bo Berg", "M", "Ledamot", null, 2),
            new Attendee(Other, AttendeeKind.Member, "Cecilia Carlsson", "S", "Ledamot", null, 3),
        };
        var minutes = MeetingMinutes.Draft(Guid.NewGuid(), Guid.NewGuid(), "Omsorgsnämnden", Day("2026-10-06"), "Björken", OrganRules.Default, 3, roster, Chair, 61,
            [new SectionDraft(null, SectionKind.Decision, "Ärende", Decisions: ["godkänna"])]);
        var at = new DateTimeOffset(2026, 10, 6, 10, 0, 0, TimeSpan.Zero);
        minutes.RecordOpened(at);
        foreach (var id in new[] { Chair, Adjuster, Other })
        {
            minutes.SetPresence(id, true, null);
        }

        minutes.SetSigners(Chair, [Adjuster]);
        minutes.RecordClosed(at.AddHours(2));
        minutes.SubmitForApproval(Guid.NewGuid(), Sha, at.AddHours(3));
        var auth = new StrongAuthentication(at.AddHours(4), true, "Lösenord och engångskod");
        minutes.Approve(Chair, Guid.NewGuid(), at.AddHours(4), auth, Sha, "portal");
        minutes.Approve(Adjuster, Guid.NewGuid(), at.AddHours(4), auth, Sha, "portal");
        return minutes;
    }

    [Fact]
    public void Rule15_and_16_The_anslag_goes_up_by_the_second_day_after_justering_and_comes_down_after_the_appeal_time()
    {
        var minutes = Justerat();
        var posting = Posting.ForMinutes(minutes.OrganId, minutes.OrganName, minutes.MeetingId, minutes.Id, minutes.MeetingDate, "§ 61–61",
            Day("2026-12-03"), Day("2026-12-03"), "Omsorgsförvaltningen", DateTimeOffset.UtcNow, "sara");

        // Three weeks from Thursday 3 December is Thursday 24 December, julafton: moved to Monday 28 December.
        (posting.Kind, posting.UpOn, posting.DownOn).ShouldBe((PostingKind.Protokoll, Day("2026-12-03"), Day("2026-12-28")));
        posting.Title.ShouldBe("Justerat protokoll, Omsorgsnämnden 2026-10-06");
        posting.AppealInformation.ShouldNotBeNull().ShouldContain("2026-12-28");
        Should.Throw<DomainException>(() => Posting.ForMinutes(minutes.OrganId, minutes.OrganName, minutes.MeetingId, minutes.Id, minutes.MeetingDate, "§ 61–61",
            Day("2026-12-03"), Day("2026-12-06"), "Omsorgsförvaltningen", DateTimeOffset.UtcNow, "sara")).Message.ShouldContain("senast andra dagen");

        // Never taken down before its last day (the appeal time runs only while it is up).
        Should.Throw<DomainException>(() => posting.TakeDown(Day("2026-12-28"), DateTimeOffset.UtcNow, "sara"));
        posting.TakeDown(Day("2026-12-29"), DateTimeOffset.UtcNow, "sara");
        posting.TakenDownAt.ShouldNotBeNull();
    }

    [Fact]
    public void Rule24_Publishing_needs_the_review_and_is_refused_while_a_personnummer_is_in_the_text_unless_a_reason_is_recorded()
    {
        var minutes = Justerat();
        var at = DateTimeOffset.UtcNow;
        Should.Throw<DomainException>(() => minutes.Publish(Guid.NewGuid(), reviewed: false, [], null, "sara", at)).Message.ShouldContain("Granska");
        Should.Throw<DomainException>(() => minutes.Publish(Guid.NewGuid(), reviewed: true, ["19121212-1212"], null, "sara", at)).Message.ShouldContain("personnummer");
        minutes.PublicFileId.ShouldBeNull();

        var file = Guid.NewGuid();
        minutes.Publish(file, reviewed: true, ["19121212-1212"], "Numret är ett fiktivt exempel i en utbildningsinsats.", "sara", at);
        (minutes.PublicFileId, minutes.PublishedBy, minutes.PublicationOverrideReason).ShouldBe((file, "sara", "Numret är ett fiktivt exempel i en utbildningsinsats."));
    }

    [Fact]
    public void A_draft_is_never_published()
    {
        var roster = new[] { new Attendee(Chair, AttendeeKind.Member, "Anna Ordf", "S", "Ordförande", null, 1) };
        var draft = MeetingMinutes.Draft(Guid.NewGuid(), Guid.NewGuid(), "Omsorgsnämnden", Day("2026-10-06"), "Björken", OrganRules.Default, 1, roster, Chair, 1,
            [new SectionDraft(null, SectionKind.Standard, "Val av justerare")]);
        Should.Throw<DomainException>(() => draft.Publish(Guid.NewGuid(), true, [], null, "sara", DateTimeOffset.UtcNow)).Message.ShouldContain("justerat");
    }
}
