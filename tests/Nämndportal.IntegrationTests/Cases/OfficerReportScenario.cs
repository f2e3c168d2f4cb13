using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Case = Nämndportal.Domain.Cases.Case;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.RichText;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

/// <summary>
/// Omsorgsnämnden with case OMF-2026-12, its handläggare Hanna, another handläggare of the organ, a ledamot, a ledamot of
/// another organ, and three handlingar, the third secret-marked. Handlers are built for any of them.
/// </summary>
public sealed class OfficerReportScenario
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    private readonly DatabaseFixture _database;

    private OfficerReportScenario(DatabaseFixture database) => _database = database;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public Organ Organ { get; private set; } = null!;

    public Case Case { get; private set; } = null!;

    public Case OtherCase { get; private set; } = null!;

    public TestUser Officer { get; private set; } = null!;

    public TestUser OtherOfficer { get; private set; } = null!;

    public TestUser Member { get; private set; } = null!;

    public TestUser Outsider { get; private set; } = null!;

    public CaseDocument Report { get; private set; } = null!;

    public CaseDocument Queue { get; private set; } = null!;

    public CaseDocument Secret { get; private set; } = null!;

    public CaseDocument OtherCasesDocument { get; private set; } = null!;

    public static async Task<OfficerReportScenario> CreateAsync(DatabaseFixture database)
    {
        var s = new OfficerReportScenario(database);
        await using var db = database.CreateContext();
        s.Organ = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        s.Organ.SetReportSettings("Omsorgsförvaltningen", ["Ekonomi", "Barnperspektiv"]);
        var other = new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN");
        db.Organs.AddRange(s.Organ, other);

        s.Officer = User(db, "hanna.handlaggare@exempelby.se", "Hanna Handläggare", Roles.CaseOfficer);
        s.OtherOfficer = User(db, "olle.handlaggare@exempelby.se", "Olle Handläggare", Roles.CaseOfficer);
        s.Member = User(db, "lars.ledamot@exempelby.se", "Lars Ledamot", Roles.Member);
        s.Outsider = User(db, "bengt.bygg@exempelby.se", "Bengt Bygg", Roles.Member);
        db.OrganOfficials.AddRange(
            new OrganOfficial(s.Officer.UserId!.Value, s.Organ.Id, OfficialFunction.Handlaggare),
            new OrganOfficial(s.OtherOfficer.UserId!.Value, s.Organ.Id, OfficialFunction.Handlaggare));
        var lars = new Person("Lars", "Ledamot") { UserId = s.Member.UserId };
        var bengt = new Person("Bengt", "Bygg") { UserId = s.Outsider.UserId };
        db.Persons.AddRange(lars, bengt);
        db.Memberships.AddRange(
            new Membership(lars.Id, s.Organ.Id, MembershipRole.Ledamot, Today.AddYears(-1), null),
            new Membership(bengt.Id, other.Id, MembershipRole.Ledamot, Today.AddYears(-1), null));

        s.Case = new Case(s.Organ.Id, "OMF", 2026, 12, "OMF-2026-12", "Plan för äldreomsorgens platser", Today.AddDays(-10), s.Officer.UserId);
        s.OtherCase = new Case(s.Organ.Id, "OMF", 2026, 13, "OMF-2026-13", "Annat ärende", Today.AddDays(-5), s.Officer.UserId);
        db.Cases.AddRange(s.Case, s.OtherCase);
        s.Report = new CaseDocument(s.Case.Id, 1, DocumentDirection.Upprattad, Today.AddDays(-2), null, "Tjänsteskrivelse om platserna");
        s.Queue = new CaseDocument(s.Case.Id, 2, DocumentDirection.Inkommen, Today.AddDays(-8), "Vård och omsorg", "Kösituationen i november");
        s.Secret = new CaseDocument(s.Case.Id, 3, DocumentDirection.Inkommen, Today.AddDays(-7), "En enskild", "Utredning om Sven Svenssons boende");
        s.Secret.MarkSecret("OSL 26 kap. 1 §", Today.AddDays(-7), s.Officer.UserId, "Hanna Handläggare");
        s.OtherCasesDocument = new CaseDocument(s.OtherCase.Id, 1, DocumentDirection.Inkommen, Today.AddDays(-4), null, "Handling i ett annat ärende");
        db.CaseDocuments.AddRange(s.Report, s.Queue, s.Secret, s.OtherCasesDocument);
        await db.SaveChangesAsync();
        return s;
    }

    public AccessService Access(TestUser user) => new(Factory(user), user, Clock);

    public TestDbContextFactory Factory(TestUser user, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(_database, user, Clock, interceptors);

    public GetOfficerReportHandler Get(TestUser user) =>
        new(Factory(user), Access(user), new DatabaseUserDirectory(_database), new RichTextSanitizer(), Clock);

    public SaveOfficerReportHandler Save(TestUser user) =>
        new(Factory(user), Access(user), new SaveOfficerReportValidator(), new RichTextSanitizer(), user, Clock);

    private static TestUser User(Infrastructure.Persistence.AppDbContext db, string email, string name, string role) =>
        TestAccounts.Add(db, email, name, role);
}
