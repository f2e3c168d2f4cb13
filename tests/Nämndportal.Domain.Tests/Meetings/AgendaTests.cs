using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Domain.Tests.Meetings;

public class AgendaTests
{
    private static readonly DateTimeOffset Start = SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0));

    private static (Meeting Meeting, AgendaItem A, AgendaItem B, AgendaItem C, AgendaItem D) FourItems()
    {
        var meeting = new Meeting(Guid.NewGuid(), Start, null, "Björken");
        var a = meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        var b = meeting.AddItem(AgendaItemKind.Decision, "Taxor för hemtjänst 2027", Guid.NewGuid(), "OMF-2026-12");
        var c = meeting.AddItem(AgendaItemKind.Information, "Verksamhetschefen informerar");
        var d = meeting.AddItem(AgendaItemKind.Standard, "Redovisning av delegationsbeslut");
        return (meeting, a, b, c, d);
    }

    private static string Order(Meeting meeting) => string.Join(",", meeting.Items.Select(i => $"{i.Position}:{i.Title[..3]}"));

    [Fact]
    public void Items_are_numbered_in_the_order_they_are_added()
    {
        var (meeting, _, _, _, _) = FourItems();
        Order(meeting).ShouldBe("1:Val,2:Tax,3:Ver,4:Red");
    }

    [Fact]
    public void Moving_an_item_renumbers_the_others_without_gaps()
    {
        var (meeting, _, _, c, _) = FourItems();
        meeting.MoveItem(c.Id, 1);
        Order(meeting).ShouldBe("1:Ver,2:Val,3:Tax,4:Red");
        meeting.MoveItem(c.Id, 4);
        Order(meeting).ShouldBe("1:Val,2:Tax,3:Red,4:Ver");
        Should.Throw<DomainException>(() => meeting.MoveItem(c.Id, 5)).Message.ShouldContain("1–4");
    }

    [Fact]
    public void Removing_an_item_closes_the_gap()
    {
        var (meeting, _, b, _, _) = FourItems();
        meeting.RemoveItem(b.Id);
        Order(meeting).ShouldBe("1:Val,2:Ver,3:Red");
    }

    [Fact]
    public void Reorder_takes_the_whole_list_and_refuses_a_stale_one()
    {
        var (meeting, a, b, c, d) = FourItems();
        meeting.Reorder([d.Id, c.Id, b.Id, a.Id]);
        Order(meeting).ShouldBe("1:Red,2:Ver,3:Tax,4:Val");
        Should.Throw<DomainException>(() => meeting.Reorder([a.Id, b.Id, c.Id])).Message.ShouldContain("Ladda om");
        Should.Throw<DomainException>(() => meeting.Reorder([a.Id, a.Id, b.Id, c.Id]));
    }

    [Fact]
    public void Every_agenda_change_raises_the_agenda_revision()
    {
        var (meeting, a, _, c, _) = FourItems();
        var before = meeting.AgendaRevision;
        meeting.MoveItem(c.Id, 1);
        meeting.UpdateItem(a.Id, "Val av justerare", null, null, null, false);
        meeting.AgendaRevision.ShouldBe(before + 2);
    }

    [Fact]
    public void A_case_is_on_an_agenda_once()
    {
        var (meeting, _, b, _, _) = FourItems();
        Should.Throw<DomainException>(() => meeting.AddItem(AgendaItemKind.Decision, "Igen", b.CaseId, "OMF-2026-12")).Message.ShouldContain("redan");
    }

    [Fact]
    public void Items_added_after_the_kallelse_are_late_additions()
    {
        var (meeting, a, _, _, _) = FourItems();
        a.IsLateAddition.ShouldBeFalse();
        meeting.RecordNoticeSent(1);
        var extra = meeting.AddItem(AgendaItemKind.Decision, "Yttrande över remiss", Guid.NewGuid(), "OMF-2026-30");
        extra.IsLateAddition.ShouldBeTrue();
        extra.Position.ShouldBe(5);
    }

    [Fact]
    public void Rule2_a_closed_item_shows_only_a_neutral_public_title()
    {
        var (meeting, _, b, _, _) = FourItems();
        b.EffectivePublicTitle.ShouldBe("Taxor för hemtjänst 2027");
        meeting.UpdateItem(b.Id, "Överklagande av beslut om särskilt boende", null, null, null, isClosed: true);
        b.EffectivePublicTitle.ShouldBe(AgendaItem.NeutralPublicTitle);
        Should.Throw<DomainException>(() => meeting.UpdateItem(b.Id, "Överklagande av beslut om särskilt boende", "Överklagande av beslut om särskilt boende", null, null, true))
            .Message.ShouldContain("neutral");
        meeting.UpdateItem(b.Id, "Överklagande av beslut om särskilt boende", "Ärende enligt socialtjänstlagen", null, null, true);
        b.EffectivePublicTitle.ShouldBe("Ärende enligt socialtjänstlagen");
    }

    [Fact]
    public void The_pack_content_puts_the_tjänsteskrivelse_first_then_the_handlingar_in_the_chosen_order()
    {
        var (meeting, a, b, _, _) = FourItems();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        meeting.SetItemDocuments(b.Id, includeOfficerReport: true, [second, first]);
        b.Documents.Select(d => d.CaseDocumentId).ShouldBe([null, second, first]);
        b.Documents[0].IsOfficerReport.ShouldBeTrue();
        Should.Throw<DomainException>(() => meeting.SetItemDocuments(a.Id, true, [])).Message.ShouldContain("ärende");
        Should.Throw<DomainException>(() => meeting.SetItemDocuments(b.Id, false, [first, first]));
    }

    [Fact]
    public void A_held_or_cancelled_meeting_has_a_fixed_agenda()
    {
        var (meeting, a, _, _, _) = FourItems();
        meeting.Cancel("Inga ärenden", Start.AddDays(-3));
        Should.Throw<DomainException>(() => meeting.AddItem(AgendaItemKind.Information, "Ny")).Message.ShouldContain("inställt");
        Should.Throw<DomainException>(() => meeting.RemoveItem(a.Id));
    }

    [Fact]
    public void Checks_count_the_days_left_and_warn_about_missing_reports_unready_cases_unreadable_and_secret_handlingar()
    {
        var (meeting, a, b, _, _) = FourItems();
        var facts = new Dictionary<Guid, AgendaItemFacts>
        {
            [b.Id] = new(CaseStatus.UnderBeredning, HasOfficerReport: false,
            [
                new AgendaDocumentFacts("Skrivelse från PRO", AgendaDocumentState.Converting, false),
                new AgendaDocumentFacts("Läkarintyg", AgendaDocumentState.Unreadable, true),
            ]),
            [a.Id] = new(null, false, []),
        };

        var checks = AgendaChecks.Evaluate(meeting, OrganRules.Default, new DateOnly(2026, 12, 1), facts);
        checks.Single(c => c.Kind == AgendaCheckKind.DaysLeft).Message.ShouldBe("3 dagar kvar tills kallelsen ska skickas (senast 2026-12-04).");
        checks.Where(c => c.IsWarning).Select(c => c.Kind).ShouldBe(
            [AgendaCheckKind.NoOfficerReport, AgendaCheckKind.CaseNotReady, AgendaCheckKind.DocumentConverting, AgendaCheckKind.DocumentUnreadable, AgendaCheckKind.SecretInOpenItem],
            ignoreOrder: true);
        checks.Where(c => c.IsWarning).ShouldAllBe(c => c.ItemId == b.Id);

        var late = AgendaChecks.Evaluate(meeting, OrganRules.Default, new DateOnly(2026, 12, 5), new Dictionary<Guid, AgendaItemFacts>());
        late.Single().Kind.ShouldBe(AgendaCheckKind.NoticeLate);
        late.Single().IsWarning.ShouldBeTrue();
    }
}
