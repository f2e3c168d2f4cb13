using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Delegation;

/// <summary>The delegation register in PostgreSQL: a scheme's points (with their delegates) as JSON, a decision's role as columns, one number per series and year.</summary>
public sealed class DelegationPersistenceTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public async Task A_scheme_and_its_decisions_are_stored_and_read_back_and_a_number_is_taken_once_per_series_and_year()
    {
        var organ = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        var committee = await InsertAsync(new Organ("Individutskottet", "SUNIU", OrganKind.Utskott, "SUN", organ.Id));
        var chief = DelegateRole.Position("Förvaltningschef");
        var scheme = new DelegationScheme(organ.Id, 1, "SUN 2026-01-28 § 12", new DateOnly(2026, 2, 1));
        scheme.SetPoint(new DelegationPoint("3.2", "Förordnande av tf verksamhetschef", DelegationMatterKind.Ordinary, [chief], [DelegateRole.Elected(MembershipRole.Ordforande)], "KL 7 kap. 5 §", true, true));
        scheme.SetPoint(new DelegationPoint("7.1", "Beslut om vård enligt LVU i brådskande fall", DelegationMatterKind.AuthorityOverIndividuals, [DelegateRole.Committee(committee.Id, "Individutskottet")], null, "LVU 6 §", false, true));
        scheme.Establish(null, new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero));
        await InsertAsync(scheme);

        var entry = new DecisionEntry(organ.Id, "3.2", chief, "Jonas Fors", null, new DateOnly(2026, 11, 2), "SUN 2026/12", "Förordnande som tf verksamhetschef förskola", null, false, false, false);
        await InsertAsync(DelegatedDecision.Register(entry, scheme, [], true, Today, 11));

        await using (var db = Database.CreateContext())
        {
            var stored = await db.DelegationSchemes.SingleAsync(s => s.Id == scheme.Id);
            stored.Points.Select(p => p.Code).ShouldBe(["3.2", "7.1"]);
            var point = stored.Point("3.2")!;
            (point.Delegates.Single(), point.Substitutes.Single().Role, point.MayPassOn, point.LawReference).ShouldBe((chief, (MembershipRole?)MembershipRole.Ordforande, true, "KL 7 kap. 5 §"));
            stored.Point("7.1")!.Delegates.Single().CommitteeId.ShouldBe(committee.Id);

            var decision = await db.DelegatedDecisions.SingleAsync();
            (decision.NumberText, decision.DecidedAs, decision.SeriesKey, decision.MustReport).ShouldBe(("11/2026", chief, chief.SeriesKey, true));
        }

        // The same number twice in one delegate's series and year is refused by the database.
        await using (var db = Database.CreateContext())
        {
            db.DelegatedDecisions.Add(DelegatedDecision.Register(entry with { Description = "Ett annat förordnande" }, scheme, [], true, Today, 11));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
