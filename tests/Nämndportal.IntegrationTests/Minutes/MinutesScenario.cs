using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Common;
using Nämndportal.Application.Minutes;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;
using Case = Nämndportal.Domain.Cases.Case;

namespace Nämndportal.IntegrationTests.Minutes;

/// <summary>
/// Omsorgsnämnden (paragraph series OMN, § 60 already used this year) with five ledamöter — Anna (S) chairs, Lars (M),
/// Cecilia (S), David (SD), Eva (C) — and the ersättare Fia (M, Lars's personal ersättare), Gustav (S) and Hanna (C).
/// Sara is its nämndsekreterare. A meeting on 2026-10-06 was called with four items: Val av justerare, a decision on
/// OMF-2026-12 (a tjänsteskrivelse with two att-satser), an information item, and a closed decision on OMF-2026-13.
/// </summary>
public sealed class MinutesScenario
{
    public static readonly DateOnly MeetingDay = new(2026, 10, 6);

    private readonly DatabaseFixture _database;

    private MinutesScenario(DatabaseFixture database) => _database = database;

    public FakeTimeProvider Clock { get; } = new(SwedishTime.FromLocal(MeetingDay, new TimeOnly(12, 50)));

    public Organ Organ { get; private set; } = null!;

    public Organ OtherOrgan { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public Case Case { get; private set; } = null!;

    public Case ClosedCase { get; private set; } = null!;

    public TestUser Secretary { get; private set; } = null!;

    /// <summary>Anna, the chair, a user.</summary>
    public TestUser ChairUser { get; private set; } = null!;

    /// <summary>Lars, ledamot, a user.</summary>
    public TestUser MemberUser { get; private set; } = null!;

    /// <summary>Bengt sits in another organ.</summary>
    public TestUser Outsider { get; private set; } = null!;

    public Person Anna { get; private set; } = null!;

    public Person Lars { get; private set; } = null!;

    public Person Cecilia { get; private set; } = null!;

    public Person David { get; private set; } = null!;

    public Person Eva { get; private set; } = null!;

    public Person Fia { get; private set; } = null!;

    public Person Gustav { get; private set; } = null!;

    public Person Hanna { get; private set; } = null!;

    public static async Task<MinutesScenario> CreateAsync(DatabaseFixture database)
    {
        var s = new MinutesScenario(database);
        await using var db = database.CreateContext();
        s.Organ = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        s.Organ.SetReportSettings("Omsorgsförvaltningen", ["Ekonomi"]);
        s.OtherOrgan = new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN");
        db.Organs.AddRange(s.Organ, s.OtherOrgan);
        var partyS = new Party("S", "Socialdemokraterna", false);
        var partyM = new Party("M", "Moderaterna", false);
        var partySd = new Party("SD", "Sverigedemokraterna", false);
        var partyC = new Party("C", "Centerpartiet", false);
        db.Parties.AddRange(partyS, partyM, partySd, partyC);

        s.Secretary = User(db, "sara.sekreterare@exempelby.se", "Sara Sekreterare", Roles.Secretary);
        s.ChairUser = User(db, "anna.ordforande@exempelby.se", "Anna Ordförande", Roles.Member);
        s.MemberUser = User(db, "lars.ledamot@exempelby.se", "Lars Ledamot", Roles.Member);
        s.Outsider = User(db, "bengt.bygg@exempelby.se", "Bengt Bygg", Roles.Member);
        db.OrganOfficials.Add(new OrganOfficial(s.Secretary.UserId!.Value, s.Organ.Id, OfficialFunction.Namndsekreterare));

        s.Anna = new Person("Anna", "Ordförande", null, partyS.Id) { UserId = s.ChairUser.UserId };
        s.Lars = new Person("Lars", "Ledamot", null, partyM.Id) { UserId = s.MemberUser.UserId };
        s.Cecilia = new Person("Cecilia", "Carlsson", null, partyS.Id);
        s.David = new Person("David", "Dahl", null, partySd.Id);
        s.Eva = new Person("Eva", "Ek", null, partyC.Id);
        s.Fia = new Person("Fia", "Falk", null, partyM.Id);
        s.Gustav = new Person("Gustav", "Gran", null, partyS.Id);
        s.Hanna = new Person("Hanna", "Holm", null, partyC.Id);
        var bengt = new Person("Bengt", "Bygg") { UserId = s.Outsider.UserId };
        db.Persons.AddRange(s.Anna, s.Lars, s.Cecilia, s.David, s.Eva, s.Fia, s.Gustav, s.Hanna, bengt);
        var from = new DateOnly(2023, 1, 1);
        var larsSeat = new Membership(s.Lars.Id, s.Organ.Id, MembershipRole.Ledamot, from, null, partyId: partyM.Id);
        db.Memberships.AddRange(
            new Membership(s.Anna.Id, s.Organ.Id, MembershipRole.Ordforande, from, null, partyId: partyS.Id),
            larsSeat,
            new Membership(s.Cecilia.Id, s.Organ.Id, MembershipRole.Ledamot, from, null, partyId: partyS.Id),
            new Membership(s.David.Id, s.Organ.Id, MembershipRole.Ledamot, from, null, partyId: partySd.Id),
            new Membership(s.Eva.Id, s.Organ.Id, MembershipRole.Ledamot, from, null, partyId: partyC.Id),
            new Membership(s.Fia.Id, s.Organ.Id, MembershipRole.Ersattare, from, null, partyId: partyM.Id, callInOrder: 1, personalSubstituteFor: larsSeat.Id),
            new Membership(s.Gustav.Id, s.Organ.Id, MembershipRole.Ersattare, from, null, partyId: partyS.Id, callInOrder: 1),
            new Membership(s.Hanna.Id, s.Organ.Id, MembershipRole.Ersattare, from, null, partyId: partyC.Id, callInOrder: 1),
            new Membership(bengt.Id, s.OtherOrgan.Id, MembershipRole.Ledamot, from, null));

        s.Case = new Case(s.Organ.Id, "OMF", 2026, 12, "OMF-2026-12", "Plan för äldreomsorgens platser", MeetingDay.AddDays(-40), null);
        s.ClosedCase = new Case(s.Organ.Id, "OMF", 2026, 13, "OMF-2026-13", "Yttrande i ett enskilt ärende", MeetingDay.AddDays(-30), null);
        foreach (var @case in new[] { s.Case, s.ClosedCase })
        {
            @case.MoveTo(CaseStatus.UnderBeredning);
            @case.MoveTo(CaseStatus.KlartForBeslut);
            @case.MoveTo(CaseStatus.PaForedragningslista);
        }

        db.Cases.AddRange(s.Case, s.ClosedCase);
        var queue = new CaseDocument(s.Case.Id, 1, DocumentDirection.Inkommen, MeetingDay.AddDays(-20), "Vård och omsorg", "Kösituationen i september");
        var secret = new CaseDocument(s.ClosedCase.Id, 1, DocumentDirection.Inkommen, MeetingDay.AddDays(-20), "En enskild", "Utredning");
        secret.MarkSecret("OSL 26 kap. 1 §", MeetingDay.AddDays(-20), null, "Registrator");
        db.CaseDocuments.AddRange(queue, secret);
        var report = new OfficerReport(s.Case.Id);
        report.Write(["godkänna planen för platser", "uppdra åt förvaltningen att återrapportera i mars 2027"], "<p>Tolv nya platser behövs.</p>", "<p>Beskrivning.</p>",
            [queue.Id], [], ["Omsorgsförvaltningen <omsorg@exempelby.se>", "Kommunstyrelsen"], "Tolv nya platser behövs.");
        report.Sign("Omsorgsförvaltningen", "Hanna Handläggare", "Utredare", null, null, MeetingDay.AddDays(-14));
        db.OfficerReports.Add(report);

        var start = SwedishTime.FromLocal(MeetingDay, new TimeOnly(13, 0));
        s.Meeting = new Meeting(s.Organ.Id, start, start.AddHours(3), "Sammanträdesrum Björken");
        s.Meeting.AddItem(AgendaItemKind.Standard, "Val av justerare");
        s.Meeting.AddItem(AgendaItemKind.Decision, s.Case.Title, s.Case.Id, s.Case.Number);
        var info = s.Meeting.AddItem(AgendaItemKind.Information, "Verksamhetsinformation");
        s.Meeting.UpdateItem(info.Id, "Verksamhetsinformation", null, "Omsorgschef Maria Berg", null, false);
        var closed = s.Meeting.AddItem(AgendaItemKind.Decision, s.ClosedCase.Title, s.ClosedCase.Id, s.ClosedCase.Number);
        s.Meeting.UpdateItem(closed.Id, s.ClosedCase.Title, null, null, null, isClosed: true);
        s.Meeting.RecordNoticeSent(1);
        db.Meetings.Add(s.Meeting);
        await db.SaveChangesAsync();
        await db.TakeNumbersAsync(NumberSeriesKeys.Paragraphs("OMN"), 2026, 0, atLeast: 60);
        return s;
    }

    public AccessService Access(TestUser user) => new(Factory(user), user, Clock);

    public TestDbContextFactory Factory(TestUser user) => new(_database, user, Clock);

    public DraftMinutesHandler Draft(TestUser user) => new(Factory(user), Access(user), user, new DatabaseUserDirectory(_database));

    public EditMinutesHandler Edit(TestUser user) => new(Factory(user), Access(user), Clock, new Infrastructure.RichText.RichTextSanitizer());

    public GetMinutesHandler Get(TestUser user) => new(Factory(user), Access(user), user, Clock);

    /// <summary>
    /// Drafts the protokoll and holds the meeting: everyone present but Eva, Hanna serving for her; in § 62 David is jävig
    /// and Gustav serves in his stead, Lars proposes avslag, an open vote 3–1 (Gustav abstaining), Lars reserves himself;
    /// an adjournment after § 62; Anna chairs and Lars justerar; the meeting is closed. Returns the protokoll's id and version.
    /// </summary>
    public async Task<(Guid Id, uint Version)> HeldAsync()
    {
        var view = await DraftedAsync();
        var id = view.Minutes.Id;
        var edit = Edit(Secretary);
        var version = Ok(await edit.OpenMeetingAsync(id, view.Minutes.Version));
        foreach (var person in new[] { Anna, Lars, Cecilia, David, Fia, Gustav })
        {
            version = Ok(await edit.SetPresenceAsync(id, version, person.Id, true, null));
        }

        version = Ok(await edit.SetPresenceAsync(id, version, Hanna.Id, true, Eva.Id));
        version = Ok(await edit.AddParticipantAsync(id, version, Domain.Minutes.AttendeeKind.Official, "Maria Berg", "Omsorgschef"));
        version = Ok(await edit.SetDisqualifiedAsync(id, version, 62, David.Id, Gustav.Id));
        version = Ok(await edit.AddProposalAsync(id, version, 62, Lars.Id, Domain.Minutes.ProposalKind.Reject, "att avslå förslaget"));
        version = Ok(await edit.RecordOpenVoteAsync(id, version, 62, "bifall till förvaltningens förslag", "bifall till Lars Ledamots avslagsyrkande",
            new Dictionary<Guid, Domain.Minutes.Ballot>
            {
                [Anna.Id] = Domain.Minutes.Ballot.Ja, [Cecilia.Id] = Domain.Minutes.Ballot.Ja, [Hanna.Id] = Domain.Minutes.Ballot.Ja,
                [Lars.Id] = Domain.Minutes.Ballot.Nej, [Gustav.Id] = Domain.Minutes.Ballot.Avstar,
            }, null));
        version = Ok(await edit.ReserveAsync(id, version, 62, Lars.Id, "till förmån för eget yrkande"));
        version = Ok(await edit.AddAdjournmentAsync(id, version, 62, new TimeOnly(14, 30), new TimeOnly(14, 45)));
        version = Ok(await edit.WriteSectionAsync(id, version, new SectionText(
            63, "Yttrande i ett enskilt ärende", "avge yttrande till förvaltningsrätten enligt förvaltningens förslag", null,
            "<p>Den enskilde Sven Svensson, 19121212-1212, har överklagat.</p>", "Förvaltningsrätten", null,
            Domain.Minutes.AppealKind.None, "OSL 26 kap. 1 §", false)));
        version = Ok(await edit.SetSignersAsync(id, version, Anna.Id, [Lars.Id]));
        version = Ok(await edit.SetDetailsAsync(id, version, "Sammanträdesrum Björken", "Sara Sekreterare", MeetingDay.AddDays(2), "Omsorgsförvaltningen, Stadshuset"));
        Clock.Advance(TimeSpan.FromHours(3));
        version = Ok(await edit.CloseMeetingAsync(id, version));
        return (id, version);
    }

    private static uint Ok(Result<uint> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.Message);

    /// <summary>Drafts the protokoll as Sara and returns it as she sees it.</summary>
    public async Task<MinutesView> DraftedAsync(bool informationAsSections = false)
    {
        var id = (await Draft(Secretary).HandleAsync(new DraftMinutes(Meeting.Id, informationAsSections))).Value;
        return (await Get(Secretary).HandleAsync(id)).Value!;
    }

    private static TestUser User(Infrastructure.Persistence.AppDbContext db, string email, string name, string role) =>
        TestAccounts.Add(db, email, name, role);
}
