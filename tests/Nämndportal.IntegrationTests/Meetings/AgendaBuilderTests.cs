using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Cases;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Meetings;

/// <summary>
/// The agenda builder's use cases against the real database: the case follows the agenda ("På föredragningslista"),
/// numbering through moves, two secretaries at once, who may see and edit, and the checks beside the agenda.
/// </summary>
public class AgendaBuilderTests(DatabaseFixture database) : DocumentTest(database)
{
    private Meeting _meeting = null!;
    private TestUser _secondSecretary = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _meeting = await InsertAsync(new Meeting(OrganA.Id, SwedishTime.FromLocal(new DateOnly(2026, 12, 9), new TimeOnly(13, 0)), null, "Sammanträdesrum Björken"));
        _secondSecretary = await CreateUserAsync("sekreterare2", Application.Security.Roles.Secretary);
        await InsertAsync(new OrganOfficial(_secondSecretary.UserId!.Value, OrganA.Id, OfficialFunction.Namndsekreterare));
    }

    [Fact]
    public async Task Putting_a_case_on_the_agenda_moves_it_to_PaForedragningslista_and_taking_it_off_moves_it_back()
    {
        await MakeReadyAsync(Case.Id);

        var added = await AddCaseAsync(Case.Id);

        var page = await PageAsync(Secretary);
        page.Items.ShouldHaveSingleItem().Title.ShouldBe("Yttrande över granskning av hemtjänsten");
        page.Items[0].CaseNumber.ShouldBe("OMF-2026-149");
        (await StatusAsync(Case.Id)).ShouldBe(CaseStatus.PaForedragningslista);

        var removed = await RemoveHandler(Secretary).HandleAsync(new RemoveAgendaItem(_meeting.Id, added.Version, added.ItemId));

        removed.Error.ShouldBeNull();
        (await PageAsync(Secretary)).Items.ShouldBeEmpty();
        (await StatusAsync(Case.Id)).ShouldBe(CaseStatus.KlartForBeslut);
        await using var db = Database.CreateContext();
        var timeline = await db.CaseEvents.Where(e => e.CaseId == Case.Id && e.Kind == CaseEventKind.StatusChanged).OrderBy(e => e.Id).ToListAsync();
        timeline.Select(e => (e.FromStatus, e.ToStatus, e.MeetingId)).TakeLast(2).ShouldBe([
            (CaseStatus.KlartForBeslut, CaseStatus.PaForedragningslista, _meeting.Id),
            (CaseStatus.PaForedragningslista, CaseStatus.KlartForBeslut, _meeting.Id)]);
        timeline[^1].Actor.ShouldBe("sekreterare");
    }

    [Fact]
    public async Task A_case_that_is_not_ready_for_decision_cannot_be_put_on_the_agenda()
    {
        var result = await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Decision, CaseId: Case.Id));

        result.Error.ShouldNotBeNull().Message.ShouldContain("klara för beslut");
        (await PageAsync(Secretary)).Items.ShouldBeEmpty();
        (await StatusAsync(Case.Id)).ShouldBe(CaseStatus.Registrerat);
    }

    [Fact]
    public async Task Decision_item_pack_starts_with_the_tjansteskrivelse_and_the_beslutsunderlag_it_names()
    {
        var first = await AddAsync("rapport.pdf", TestFiles.Pdf("Granskningsrapport"));
        var second = await AddAsync("yttrande.pdf", TestFiles.Pdf("Yttrande"), description: "Förvaltningens yttrande");
        var report = new OfficerReport(Case.Id);
        report.Write(["godkänna yttrandet"], "<p>Sammanfattning</p>", "<p>Beskrivning</p>", [second.DocumentId], [], [], "Sammanfattning");
        await InsertAsync(report);
        await MakeReadyAsync(Case.Id);

        await AddCaseAsync(Case.Id);

        var item = (await PageAsync(Secretary)).Items.ShouldHaveSingleItem();
        item.Documents.Select(d => d.Name).ShouldBe(["Tjänsteskrivelse", "Handling 2: Förvaltningens yttrande"]);
        item.Choices.Where(c => !c.Included).Select(c => c.CaseDocumentId).ShouldBe([first.DocumentId]);
    }

    [Fact]
    public async Task The_secretary_chooses_and_orders_the_pack_and_cannot_add_another_cases_handling()
    {
        var first = await AddAsync("rapport.pdf", TestFiles.Pdf("Granskningsrapport"));
        var second = await AddAsync("yttrande.pdf", TestFiles.Pdf("Yttrande"), description: "Förvaltningens yttrande");
        await InsertAsync(new OfficerReport(Case.Id));
        await MakeReadyAsync(Case.Id);
        var added = await AddCaseAsync(Case.Id);
        (await PageAsync(Secretary)).Items[0].Documents.Select(d => d.Name)
            .ShouldBe(["Tjänsteskrivelse", "Handling 1: Granskningsrapport från revisorerna", "Handling 2: Förvaltningens yttrande"], "no beslutsunderlag named: all handlingar");

        var set = await DocumentsHandler(Secretary).HandleAsync(new SetAgendaItemDocuments(_meeting.Id, added.Version, added.ItemId, false, [second.DocumentId, first.DocumentId]));

        set.Error.ShouldBeNull();
        var item = (await PageAsync(Secretary)).Items[0];
        item.Documents.Select(d => d.CaseDocumentId).ShouldBe([second.DocumentId, first.DocumentId]);
        item.Choices.Single(c => c.CaseDocumentId is null).Included.ShouldBeFalse();

        var otherCase = await InsertAsync(new Case(OrganA.Id, "OMF", 2026, 151, "OMF-2026-151", "Annat ärende", new DateOnly(2026, 11, 2), null));
        var foreign = (await AddHandler(Secretary).HandleAsync(Upload(otherCase.Id, "annan.pdf", TestFiles.Pdf("Annan")))).Value!;
        var refused = await DocumentsHandler(Secretary).HandleAsync(new SetAgendaItemDocuments(_meeting.Id, set.Value, added.ItemId, true, [foreign.DocumentId]));
        refused.Error.ShouldNotBeNull().Message.ShouldBe("En av handlingarna hör inte till punktens ärende.");
        (await PageAsync(Secretary)).Items[0].Documents.Select(d => d.CaseDocumentId).ShouldBe([second.DocumentId, first.DocumentId]);
    }

    [Fact]
    public async Task Preparers_cannot_set_PaForedragningslista_by_hand_nor_take_a_case_off_the_agenda()
    {
        await MakeReadyAsync(Case.Id);
        var toAgenda = await ChangeStatusAsync(Case.Id, CaseStatus.PaForedragningslista);
        toAgenda.Error.ShouldNotBeNull().Message.ShouldContain("nämndsekreteraren lägger det på ett sammanträdes föredragningslista");
        (await StatusAsync(Case.Id)).ShouldBe(CaseStatus.KlartForBeslut);

        await AddCaseAsync(Case.Id);
        var offAgenda = await ChangeStatusAsync(Case.Id, CaseStatus.KlartForBeslut);
        offAgenda.Error.ShouldNotBeNull().Message.ShouldContain("tar bort punkten");
        (await StatusAsync(Case.Id)).ShouldBe(CaseStatus.PaForedragningslista);

        var details = await new GetCaseHandler(Factory(CaseOfficer), Access(CaseOfficer), new DatabaseUserDirectory(Database)).HandleAsync(Case.Id);
        details.Value!.NextStatuses.ShouldNotContain(CaseStatus.KlartForBeslut);
        details.Value.NextStatuses.ShouldContain(CaseStatus.Beslutat);
    }

    [Fact]
    public async Task Moving_and_reordering_renumbers_the_agenda_without_gaps()
    {
        foreach (var title in new[] { "Val av justerare", "Anmälan av extra ärenden", "Information om budget", "Val av ersättare", "Redovisning av meddelanden" })
        {
            (await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Standard, title))).Error.ShouldBeNull();
        }

        var page = await PageAsync(Secretary);
        var moved = await MoveHandler(Secretary).HandleAsync(new MoveAgendaItem(_meeting.Id, page.Version, page.Items[4].Id, 2));
        moved.Error.ShouldBeNull();
        page = await PageAsync(Secretary);
        Titles(page).ShouldBe(["1 Val av justerare", "2 Redovisning av meddelanden", "3 Anmälan av extra ärenden", "4 Information om budget", "5 Val av ersättare"]);

        var reversed = page.Items.Select(i => i.Id).Reverse().ToList();
        (await ReorderHandler(Secretary).HandleAsync(new ReorderAgenda(_meeting.Id, page.Version, reversed))).Error.ShouldBeNull();
        page = await PageAsync(Secretary);
        Titles(page).ShouldBe(["1 Val av ersättare", "2 Information om budget", "3 Anmälan av extra ärenden", "4 Redovisning av meddelanden", "5 Val av justerare"]);

        (await RemoveHandler(Secretary).HandleAsync(new RemoveAgendaItem(_meeting.Id, page.Version, page.Items[1].Id))).Error.ShouldBeNull();
        Titles(await PageAsync(Secretary)).ShouldBe(["1 Val av ersättare", "2 Anmälan av extra ärenden", "3 Redovisning av meddelanden", "4 Val av justerare"]);
    }

    [Fact]
    public async Task The_later_of_two_secretaries_is_refused_naming_the_first_and_the_first_change_is_kept()
    {
        (await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Standard, "Val av justerare"))).Error.ShouldBeNull();
        (await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Information, "Information om budget"))).Error.ShouldBeNull();
        var loadedByBoth = await PageAsync(Secretary);

        var first = await UpdateHandler(Secretary).HandleAsync(new UpdateAgendaItem
        {
            MeetingId = _meeting.Id, Version = loadedByBoth.Version, ItemId = loadedByBoth.Items[1].Id, Title = "Information om budget 2027", Presenter = "Ekonomichefen",
        });
        first.Error.ShouldBeNull();

        var second = await MoveHandler(_secondSecretary).HandleAsync(new MoveAgendaItem(_meeting.Id, loadedByBoth.Version, loadedByBoth.Items[1].Id, 1));
        var added = await AddItemHandler(_secondSecretary).HandleAsync(new AddAgendaItem(_meeting.Id, loadedByBoth.Version, AgendaItemKind.Election, "Val av ordförande"));

        second.Error.ShouldNotBeNull().Code.ShouldBe("conflict");
        second.Error.Message.ShouldContain("ändrats av sekreterare");
        added.Error.ShouldNotBeNull().Code.ShouldBe("conflict");
        var page = await PageAsync(_secondSecretary);
        Titles(page).ShouldBe(["1 Val av justerare", "2 Information om budget 2027"]);
        page.Items[1].Presenter.ShouldBe("Ekonomichefen");
    }

    [Fact]
    public async Task A_ledamot_sees_the_agenda_read_only_and_cannot_change_it()
    {
        (await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Standard, "Val av justerare"))).Error.ShouldBeNull();

        var page = await PageAsync(Member);
        page.CanEdit.ShouldBeFalse();
        page.Checks.ShouldBeEmpty();
        page.Items.ShouldHaveSingleItem().Title.ShouldBe("Val av justerare");

        var added = await AddItemHandler(Member).HandleAsync(new AddAgendaItem(_meeting.Id, page.Version, AgendaItemKind.Standard, "Övriga frågor"));
        added.Error.ShouldNotBeNull().Code.ShouldBe("forbidden");
        var moved = await RemoveHandler(Member).HandleAsync(new RemoveAgendaItem(_meeting.Id, page.Version, page.Items[0].Id));
        moved.Error.ShouldNotBeNull().Code.ShouldBe("forbidden");
        (await SearchHandler(Member).HandleAsync(new SearchReadyCases(_meeting.Id, null))).Error.ShouldNotBeNull().Code.ShouldBe("forbidden");
        (await PageAsync(Secretary)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_of_another_organ_gets_not_found()
    {
        var page = await GetHandler(MemberOfB).HandleAsync(new GetMeeting(_meeting.Id));
        page.Error.ShouldNotBeNull().Code.ShouldBe("not_found");
        var added = await AddItemHandler(MemberOfB).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Standard, "Övriga frågor"));
        added.Error.ShouldNotBeNull().Code.ShouldBe("not_found");
        (await GetHandler(Secretary).HandleAsync(new GetMeeting(Guid.NewGuid()))).Error!.Message.ShouldBe(page.Error.Message);
    }

    [Fact]
    public async Task Checks_name_the_item_whose_case_lacks_a_tjansteskrivelse_and_a_secret_handling_in_an_open_item()
    {
        await AddAsync("rapport.pdf", TestFiles.Pdf("Granskningsrapport"));
        await AddAsync("utredning.pdf", TestFiles.Pdf("Utredning"), secrecy: "OSL 26 kap. 1 §", description: "Utredning om enskild");
        await MakeReadyAsync(Case.Id);
        await AddCaseAsync(Case.Id);

        var page = await PageAsync(Secretary);
        var warnings = page.Checks.Where(c => c.ItemId == page.Items[0].Id).ToList();
        warnings.Select(w => w.Kind).ShouldBe([AgendaCheckKind.NoOfficerReport, AgendaCheckKind.SecretInOpenItem], ignoreOrder: true);
        warnings.ShouldAllBe(w => w.Message.StartsWith("Punkt 1 (Yttrande över granskning av hemtjänsten)", StringComparison.Ordinal));
        page.Checks.ShouldContain(c => c.Kind == AgendaCheckKind.DaysLeft);

        var closed = await UpdateHandler(Secretary).HandleAsync(new UpdateAgendaItem
        {
            MeetingId = _meeting.Id, Version = page.Version, ItemId = page.Items[0].Id, Title = page.Items[0].Title, IsClosed = true,
        });
        closed.Error.ShouldBeNull();
        page = await PageAsync(Secretary);
        page.Checks.ShouldNotContain(c => c.Kind == AgendaCheckKind.SecretInOpenItem);
        page.Items[0].ShownPublicly.ShouldBe(AgendaItem.NeutralPublicTitle);
    }

    [Fact]
    public async Task The_picker_offers_the_organs_ready_cases_not_yet_on_the_agenda()
    {
        var taxes = await InsertAsync(new Case(OrganA.Id, "OMF", 2026, 150, "OMF-2026-150", "Taxor för hemtjänst", new DateOnly(2026, 11, 2), null));
        var other = await InsertAsync(new Case(OrganB.Id, "BN", 2026, 7, "BN-2026-7", "Taxor för bygglov", new DateOnly(2026, 11, 2), null));
        await MakeReadyAsync(Case.Id);
        await MakeReadyAsync(taxes.Id);
        await MakeReadyAsync(other.Id);

        (await SearchAsync("taxor")).Select(c => c.Number).ShouldBe(["OMF-2026-150"]);
        (await SearchAsync("2026-149")).Select(c => c.Number).ShouldBe(["OMF-2026-149"]);
        await AddCaseAsync(Case.Id);
        (await SearchAsync(null)).Select(c => c.Number).ShouldBe(["OMF-2026-150"]);
    }

    private static List<string> Titles(MeetingView page) => page.Items.Select(i => $"{i.Number} {i.Title}").ToList();

    private async Task<IReadOnlyList<ReadyCase>> SearchAsync(string? text)
    {
        var result = await SearchHandler(Secretary).HandleAsync(new SearchReadyCases(_meeting.Id, text));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private async Task<AddedAgendaItem> AddCaseAsync(Guid caseId)
    {
        var result = await AddItemHandler(Secretary).HandleAsync(new AddAgendaItem(_meeting.Id, await VersionAsync(), AgendaItemKind.Decision, CaseId: caseId));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private async Task<MeetingView> PageAsync(TestUser user)
    {
        var result = await GetHandler(user).HandleAsync(new GetMeeting(_meeting.Id));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private async Task<uint> VersionAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Meetings.SingleAsync(m => m.Id == _meeting.Id)).Version;
    }

    private async Task<CaseStatus> StatusAsync(Guid caseId)
    {
        await using var db = Database.CreateContext();
        return (await db.Cases.SingleAsync(c => c.Id == caseId)).Status;
    }

    private async Task MakeReadyAsync(Guid caseId)
    {
        (await ChangeStatusAsync(caseId, CaseStatus.UnderBeredning, Registrar)).Error.ShouldBeNull();
        (await ChangeStatusAsync(caseId, CaseStatus.KlartForBeslut, Registrar)).Error.ShouldBeNull();
    }

    private async Task<Result<CaseStatus>> ChangeStatusAsync(Guid caseId, CaseStatus to, TestUser? user = null)
    {
        user ??= CaseOfficer;
        await using var db = Database.CreateContext();
        var version = (await db.Cases.SingleAsync(c => c.Id == caseId)).Version;
        return await new ChangeCaseStatusHandler(Factory(user), Access(user), user, Clock).HandleAsync(new ChangeCaseStatus(caseId, to, version));
    }

    private GetMeetingHandler GetHandler(TestUser user) => new(Factory(user), Access(user), Clock);

    private AddAgendaItemHandler AddItemHandler(TestUser user) => new(Factory(user), Access(user), new AddAgendaItemValidator(), user, Clock);

    private UpdateAgendaItemHandler UpdateHandler(TestUser user) => new(Factory(user), Access(user), new UpdateAgendaItemValidator());

    private RemoveAgendaItemHandler RemoveHandler(TestUser user) => new(Factory(user), Access(user), user, Clock);

    private MoveAgendaItemHandler MoveHandler(TestUser user) => new(Factory(user), Access(user));

    private ReorderAgendaHandler ReorderHandler(TestUser user) => new(Factory(user), Access(user), new ReorderAgendaValidator());

    private SetAgendaItemDocumentsHandler DocumentsHandler(TestUser user) => new(Factory(user), Access(user), new SetAgendaItemDocumentsValidator());

    private SearchReadyCasesHandler SearchHandler(TestUser user) => new(Factory(user), Access(user));
}
