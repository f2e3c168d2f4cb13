using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Common;

namespace Nämndportal.Domain.Tests.Audit;

/// <summary>Issue 13's rules in the domain: status and lateness from dates, recommendations to several organs, answers per organ, reminders once per due date.</summary>
public sealed class FollowUpTests
{
    private static readonly Guid Sun = Guid.NewGuid();
    private static readonly Guid Omn = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static AuditReport Report() =>
        new("Granskning av informationssäkerhet", "KPMG AB", "De förtroendevalda revisorerna i Exempelby kommun", Day("2026-10-31"), 2026, [Sun, Omn], Day("2027-01-31"));

    [Theory]
    [InlineData("2026-12-01", FollowUpStatus.Pagar, true)]
    [InlineData("2026-12-01", FollowUpStatus.EjPaborjad, true)]
    [InlineData("2026-12-01", FollowUpStatus.Avvaktar, true)]
    [InlineData("2026-12-01", FollowUpStatus.Genomford, false)]
    [InlineData("2026-12-02", FollowUpStatus.Pagar, false)]
    [InlineData(null, FollowUpStatus.Pagar, false)]
    public void An_item_is_late_from_the_day_after_its_due_date_until_it_is_Genomford(string? due, FollowUpStatus status, bool late)
    {
        FollowUp.IsLate(due is null ? null : Day(due), status, Today).ShouldBe(late);
        var action = new FollowUpAction(Guid.NewGuid(), Guid.NewGuid(), "Ta fram en informationssäkerhetspolicy", "Tomas Berglund", null, due is null ? null : Day(due));
        if (status != FollowUpStatus.EjPaborjad)
        {
            action.SetStatus(status, Today, "Sara Sekreterare", null);
        }

        action.IsLate(Today).ShouldBe(late);
        FollowUp.DaysLeft(Day("2026-12-12"), Today).ShouldBe(10);
    }

    [Fact]
    public void Status_changes_keep_their_notes_and_the_day_an_item_was_done()
    {
        var action = new FollowUpAction(Guid.NewGuid(), Guid.NewGuid(), "Utbilda chefer i informationsklassning", "Karin Lund", null, Day("2027-03-31"));
        action.Status.ShouldBe(FollowUpStatus.EjPaborjad);
        action.SetStatus(FollowUpStatus.Pagar, Day("2026-11-10"), "Karin Lund", "Första utbildningstillfället är bokat.");
        Should.Throw<DomainException>(() => action.SetStatus(FollowUpStatus.Pagar, Today, "Karin Lund", null)).Message.ShouldContain("redan Pågår");
        action.SetStatus(FollowUpStatus.Genomford, Day("2026-11-30"), "Karin Lund", "Alla chefer har gått utbildningen.");
        action.CompletedOn.ShouldBe(Day("2026-11-30"));
        action.SetStatus(FollowUpStatus.Pagar, Today, "Karin Lund", "En chef återstår.");
        action.CompletedOn.ShouldBeNull("reopened");
        action.Notes.Select(n => (n.WrittenOn, n.Text)).ShouldBe(
            [(Day("2026-11-10"), "Första utbildningstillfället är bokat."), (Day("2026-11-30"), "Alla chefer har gått utbildningen."), (Today, "En chef återstår.")]);
        Should.Throw<DomainException>(() => action.Assign(" ", null, null)).Message.ShouldContain("ansvarig");
    }

    [Fact]
    public void A_recommendation_goes_to_organs_the_report_covers_and_each_addressed_organ_answers_only_its_own()
    {
        var report = Report();
        var both = report.Recommend(1, "Säkerställ att det finns en informationssäkerhetspolicy.", [Sun, Omn]);
        var sunOnly = report.Recommend(2, "Genomför informationsklassning av verksamhetssystemen.", [Sun]);
        Should.Throw<DomainException>(() => report.Recommend(3, "Något", [Guid.NewGuid()])).Message.ShouldContain("ett eller flera av de organ");
        Should.Throw<DomainException>(() => new AuditReport("T", "KPMG AB", "Revisorerna", Day("2026-10-31"), 2026, [], null)).Message.ShouldContain("minst ett organ");
        Should.Throw<DomainException>(() => new AuditReport("T", "KPMG AB", "Revisorerna", Day("2026-10-31"), 2026, [Sun], Day("2026-10-01"))).Message.ShouldContain("före rapportens datum");

        var sunAnswer = new AuditAnswer(report.Id, Sun, Guid.NewGuid());
        var omnAnswer = new AuditAnswer(report.Id, Omn, Guid.NewGuid());
        sunAnswer.TakePosition(both, "Nämnden delar bedömningen.", Day("2027-01-20"));
        sunAnswer.TakePosition(sunOnly, "Klassningen görs under 2027.", null);
        omnAnswer.TakePosition(both, "Omsorgsnämnden delar bedömningen.", null);
        Should.Throw<DomainException>(() => omnAnswer.TakePosition(sunOnly, "x", null)).Message.ShouldContain("inte riktad till detta organ");
        sunAnswer.TakePosition(both, "Nämnden delar bedömningen och återkommer i januari.", Day("2027-01-20"));
        sunAnswer.Positions.Count.ShouldBe(2);
        sunAnswer.Positions.Single(p => p.RecommendationId == both.Id).Position.ShouldContain("återkommer");

        sunAnswer.Decide(Guid.NewGuid(), "SUN 2026-11-18 § 104");
        Should.Throw<DomainException>(() => sunAnswer.TakePosition(both, "x", null)).Message.ShouldContain("beslutat (SUN 2026-11-18 § 104)");
    }

    [Theory]
    [InlineData("2026-12-10", FollowUpStatus.Pagar, 7, null)]
    [InlineData("2026-12-09", FollowUpStatus.Pagar, 7, ReminderKind.Before)]
    [InlineData("2026-12-02", FollowUpStatus.EjPaborjad, 7, ReminderKind.Before)]
    [InlineData("2026-12-01", FollowUpStatus.Avvaktar, 7, ReminderKind.Overdue)]
    [InlineData("2026-12-01", FollowUpStatus.Genomford, 7, null)]
    [InlineData("2026-12-02", FollowUpStatus.Pagar, 0, ReminderKind.Before)]
    public void A_reminder_is_due_some_days_before_and_once_the_date_has_passed_never_for_a_done_item(string due, FollowUpStatus status, int daysBefore, ReminderKind? expected) =>
        DueDateReminder.DueFor(Day(due), status, Today, daysBefore).ShouldBe(expected);

    [Fact]
    public void An_assignment_names_its_decision_and_keeps_its_comment()
    {
        var assignment = new Assignment(Sun, Guid.NewGuid(), null, "SUN 2026-10-14 § 98", "Återrapportera arbetet med rekommendationerna", "Tomas Berglund", null, Day("2027-01-31"));
        assignment.Describe(assignment.Task, "Återrapport planerad till januarisammanträdet.");
        assignment.Comment.ShouldBe("Återrapport planerad till januarisammanträdet.");
        Should.Throw<DomainException>(() => new Assignment(Sun, Guid.NewGuid(), null, " ", "x", "y", null, null)).Message.ShouldContain("beslutet");
        FollowUpStatus.Genomford.SwedishName().ShouldBe("Genomförd");
        FollowUpStatus.EjPaborjad.SwedishName().ShouldBe("Ej påbörjad");
    }
}
