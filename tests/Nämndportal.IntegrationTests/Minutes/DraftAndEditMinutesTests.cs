using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Minutes;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Minutes;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Minutes;

/// <summary>Drafting the protokoll from the agenda and the secretary's edits, against PostgreSQL with the real migrations.</summary>
public sealed class DraftAndEditMinutesTests(DatabaseFixture database) : IntegrationTest(database)
{
    private MinutesScenario _s = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _s = await MinutesScenario.CreateAsync(Database);
    }

    [Fact]
    public async Task Drafting_continues_the_organs_paragraph_series_and_starts_each_section_from_the_agenda_and_the_tjansteskrivelse()
    {
        var view = await _s.DraftedAsync();
        var minutes = view.Minutes;

        // Four agenda items, the information item recorded under "Föredragning av information": §§ 61–63.
        minutes.Sections.Select(s => (s.Number, s.Title)).ShouldBe([(61, "Val av justerare"), (62, "Plan för äldreomsorgens platser"), (63, "Yttrande i ett enskilt ärende")]);
        var decision = minutes.Section(62);
        decision.CaseNumber.ShouldBe("OMF-2026-12");
        decision.Decisions.ShouldBe(["godkänna planen för platser", "uppdra åt förvaltningen att återrapportera i mars 2027"]);
        decision.DecisionBasis.ShouldBe(["Tjänsteskrivelse, 2026-09-22", "Kösituationen i september, 2026-09-16"]);
        decision.SendTo.ShouldBe(["Omsorgsförvaltningen <omsorg@exempelby.se>", "Kommunstyrelsen"]);
        decision.AccountHtml.ShouldBe("<p>Tolv nya platser behövs.</p>");
        decision.SecrecyProvision.ShouldBeNull();
        minutes.Section(63).SecrecyProvision.ShouldBe("OSL 26 kap. 1 §");
        minutes.Presentations.Select(p => (p.Presenter, p.Subject)).ShouldBe([("Omsorgschef Maria Berg", "Verksamhetsinformation")]);

        // The roll call: the chair first, the ledamöter by name, then the ersättare by party and call-in order.
        minutes.Attendees.Select(a => a.Name).ShouldBe(["Anna Ordförande", "Cecilia Carlsson", "David Dahl", "Eva Ek", "Lars Ledamot", "Hanna Holm", "Fia Falk", "Gustav Gran"]);
        minutes.ChairId.ShouldBe(_s.Anna.Id);
        minutes.SecretaryName.ShouldBe("Sara Sekreterare");
        minutes.KeptAt.ShouldBe("Omsorgsförvaltningen");
        minutes.Seats.ShouldBe(5);
        view.Problems.ShouldContain("Sammanträdet är inte avslutat.");

        // The series moved on: the next protokoll of the organ continues at § 64.
        await using var db = Database.CreateContext();
        (await db.TakeNumbersAsync(NumberSeriesKeys.Paragraphs("OMN"), 2026, 1)).ShouldBe(64);
    }

    [Fact]
    public async Task Information_items_can_be_sections_and_a_meeting_gets_one_protokoll_only()
    {
        var view = await _s.DraftedAsync(informationAsSections: true);
        view.Minutes.Sections.Select(s => s.Number).ShouldBe([61, 62, 63, 64]);
        view.Minutes.Section(63).Kind.ShouldBe(SectionKind.Information);
        view.Minutes.Section(63).Presenter.ShouldBe("Omsorgschef Maria Berg");

        var again = await _s.Draft(_s.Secretary).HandleAsync(new DraftMinutes(_s.Meeting.Id));
        again.Error!.Message.ShouldBe("Sammanträdet har redan ett protokoll.");
        await using var db = Database.CreateContext();
        (await db.MeetingMinutes.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_organs_secretary_drafts_and_writes_members_read_and_others_see_nothing()
    {
        (await _s.Draft(_s.MemberUser).HandleAsync(new DraftMinutes(_s.Meeting.Id))).Error!.Code.ShouldBe("forbidden");
        (await _s.Draft(_s.Outsider).HandleAsync(new DraftMinutes(_s.Meeting.Id))).Error!.Code.ShouldBe("not_found");

        var view = await _s.DraftedAsync();
        var id = view.Minutes.Id;
        (await _s.Get(_s.MemberUser).HandleAsync(id)).Value!.CanWrite.ShouldBeFalse();
        (await _s.Get(_s.Outsider).HandleAsync(id)).Error!.Code.ShouldBe("not_found");
        (await _s.Edit(_s.MemberUser).SetPresenceAsync(id, view.Minutes.Version, _s.Lars.Id, true, null)).Error!.Code.ShouldBe("forbidden");
        (await _s.Edit(_s.Outsider).SetPresenceAsync(id, view.Minutes.Version, _s.Lars.Id, true, null)).Error!.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Rule5_The_page_suggests_the_absent_ledamots_personal_ersattare_first()
    {
        var view = await _s.DraftedAsync();
        var edit = _s.Edit(_s.Secretary);
        var version = view.Minutes.Version;
        foreach (var person in new[] { _s.Anna, _s.Cecilia, _s.David, _s.Eva, _s.Fia, _s.Gustav })
        {
            version = (await edit.SetPresenceAsync(view.Minutes.Id, version, person.Id, true, null)).Value;
        }

        var suggestions = (await _s.Get(_s.Secretary).HandleAsync(view.Minutes.Id)).Value!.Suggestions;
        suggestions.Single().ShouldBe(new SubstituteSuggestion(_s.Lars.Id, "Lars Ledamot (M)", _s.Fia.Id, "Fia Falk (M)"));
    }

    [Fact]
    public async Task The_meeting_runs_through_the_protokoll_and_a_refused_or_stale_edit_saves_nothing()
    {
        var view = await _s.DraftedAsync();
        var id = view.Minutes.Id;
        var edit = _s.Edit(_s.Secretary);
        var version = (await edit.OpenMeetingAsync(id, view.Minutes.Version)).Value;
        foreach (var person in new[] { _s.Anna, _s.Lars, _s.Cecilia, _s.David, _s.Gustav })
        {
            version = (await edit.SetPresenceAsync(id, version, person.Id, true, null)).Value;
        }

        version = (await edit.SetPresenceAsync(id, version, _s.Hanna.Id, true, _s.Eva.Id)).Value;

        // Gustav is present but does not serve: his vote is refused with the rule's message, and nothing is saved.
        var ballots = new Dictionary<Guid, Ballot> { [_s.Anna.Id] = Ballot.Ja, [_s.Lars.Id] = Ballot.Nej, [_s.Cecilia.Id] = Ballot.Ja, [_s.David.Id] = Ballot.Nej, [_s.Hanna.Id] = Ballot.Ja, [_s.Gustav.Id] = Ballot.Ja };
        var refused = await edit.RecordOpenVoteAsync(id, version, 62, "bifall", "avslag", ballots, null);
        refused.Error!.Message.ShouldBe("Gustav Gran tjänstgör inte i § 62. Bara de som tjänstgör får rösta (regel 8).");

        ballots.Remove(_s.Gustav.Id);
        version = (await edit.RecordOpenVoteAsync(id, version, 62, "bifall till förvaltningens förslag", "bifall till Lars Ledamots avslagsyrkande", ballots, null)).Value;
        version = (await edit.ReserveAsync(id, version, 62, _s.Lars.Id, null)).Value;

        // A save from a page loaded before the last change is refused, naming who saved.
        var stale = await edit.AddNoteAsync(id, view.Minutes.Version, 62, null, "Sent tillägg");
        stale.Error!.Code.ShouldBe("conflict");

        version = (await edit.CloseMeetingAsync(id, version)).Value;
        (await edit.ReserveAsync(id, version, 62, _s.David.Id, null)).Error!.Message.ShouldContain("innan sammanträdet avslutas");

        var after = (await _s.Get(_s.Secretary).HandleAsync(id)).Value!;
        var section = after.Minutes.Section(62);
        section.Votes.Single().JaCount.ShouldBe(3);
        section.Votes.Single().Ballots.Count.ShouldBe(5);
        section.Reservations.Select(r => r.PersonId).ShouldBe([_s.Lars.Id]);
        section.Notes.ShouldBeEmpty();
        after.Minutes.OpenedAt.ShouldBe(new TimeOnly(12, 50));
        after.Minutes.MeetingClosedAt.ShouldNotBeNull();
        after.Sections.Single(s => s.Section.Number == 62).ServesFor[_s.Hanna.Id].ShouldBe(_s.Eva.Id);
        await using var db = Database.CreateContext();
        (await db.Meetings.SingleAsync(m => m.Id == _s.Meeting.Id)).Status.ShouldBe(MeetingStatus.Genomfort);
        (await db.AuditTrail.CountAsync(e => e.EntityType == nameof(MeetingMinutes))).ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public async Task A_section_is_added_only_while_no_later_protokoll_has_taken_the_next_number_and_a_removed_one_gives_it_back()
    {
        var view = await _s.DraftedAsync();
        var id = view.Minutes.Id;
        var edit = _s.Edit(_s.Secretary);
        var version = (await edit.InsertSectionAsync(id, view.Minutes.Version, 62, SectionKind.Decision, "Extra ärende: yttrande om färdtjänst")).Value;
        var minutes = (await _s.Get(_s.Secretary).HandleAsync(id)).Value!.Minutes;
        minutes.Sections.Select(s => s.Number).ShouldBe([61, 62, 63, 64]);
        minutes.Section(62).Title.ShouldBe("Extra ärende: yttrande om färdtjänst");

        version = (await edit.RemoveSectionAsync(id, version, 62)).Value;
        (await _s.Get(_s.Secretary).HandleAsync(id)).Value!.Minutes.Sections.Select(s => s.Title).ShouldBe(["Val av justerare", "Plan för äldreomsorgens platser", "Yttrande i ett enskilt ärende"]);

        // Another protokoll of the organ takes § 64: this one can no longer grow or shrink without a gap.
        await using (var db = Database.CreateContext())
        {
            (await db.TakeNumbersAsync(NumberSeriesKeys.Paragraphs("OMN"), 2026, 1)).ShouldBe(64);
        }

        (await edit.InsertSectionAsync(id, version, 62, SectionKind.Decision, "För sent")).Error!.Message.ShouldContain("används redan i ett senare protokoll");
        (await edit.RemoveSectionAsync(id, version, 62)).Error!.Message.ShouldContain("lucka");
        (await _s.Get(_s.Secretary).HandleAsync(id)).Value!.Minutes.Sections.Count.ShouldBe(3);
        await using var check = Database.CreateContext();
        (await check.TakeNumbersAsync(NumberSeriesKeys.Paragraphs("OMN"), 2026, 1)).ShouldBe(65);
    }
}
