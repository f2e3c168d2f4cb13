using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.AuditTrail;

/// <summary>The records that decide who may read what are in the audit trail, written in the same save as the change.</summary>
public class AuditTrailCoverageTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 13, 5, 9, TimeSpan.Zero));
    private readonly TestUser _admin = new(Guid.NewGuid(), "alva.admin@exempelby.se", Roles.Administrator) { RemoteAddress = "192.0.2.17" };

    [Fact]
    public async Task Each_organisation_record_created_changed_and_removed_has_its_line_naming_it()
    {
        var officialUser = await CreateUserAsync("sara.sekreterare");
        var factory = new TestDbContextFactory(Database, _admin, _clock);
        var organ = new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF");
        var term = new Term("2023–2026", new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31));
        var s = new Party("S", "Socialdemokraterna", false);
        var m = new Party("M", "Moderaterna", false);
        var person = new Person("Lars", "Ledamot", "lars.ledamot@exempelby.se", s.Id);
        var membership = new Membership(person.Id, organ.Id, MembershipRole.Ledamot, Today.AddYears(-1), null, termId: term.Id, partyId: s.Id);
        var official = new OrganOfficial(officialUser, organ.Id, OfficialFunction.Namndsekreterare);
        var rule = new SubstitutionRule(organ.Id, s.Id, 1, m.Id);
        await using (var db = factory.Create())
        {
            db.AddRange(organ, term, s, m, person, membership, official, rule);
            await db.SaveChangesAsync();
        }

        (await LinesAsync()).ShouldBe(
        [
            (AuditActions.Created, nameof(Organ), organ.Id, "Organ OMN"),
            (AuditActions.Created, nameof(Term), term.Id, "Mandatperiod 2023–2026"),
            (AuditActions.Created, nameof(Party), s.Id, "Parti S"),
            (AuditActions.Created, nameof(Party), m.Id, "Parti M"),
            (AuditActions.Created, nameof(Person), person.Id, "Person Lars Ledamot"),
            (AuditActions.Created, nameof(Membership), membership.Id, "Uppdrag för Lars Ledamot i OMN (ledamot)"),
            (AuditActions.Created, nameof(OrganOfficial), official.Id, "Tjänsteman sara.sekreterare@exempelby.se som nämndsekreterare i OMN"),
            (AuditActions.Created, nameof(SubstitutionRule), rule.Id, "Ersättartabell i OMN: M på plats 1 för S"),
        ], ignoreOrder: true);

        await using (var db = factory.Create())
        {
            var stored = await db.Organs.SingleAsync();
            stored.Update(stored.Name, stored.ShortName, stored.Kind, stored.CaseNumberPrefix, stored.ParentId, stored.ParagraphSeries, stored.DefaultMeetingPlace,
                new OrganRules(7, 14, 1, false, membersNeedSecondFactor: true));
            (await db.Persons.SingleAsync()).Update("Lars", "Ledamot", "lars@example.org", s.Id, "070-123 45 67");
            (await db.Memberships.SingleAsync()).End(Today.AddDays(-1));
            (await db.Terms.SingleAsync()).Update("2023–26", term.StartsOn, term.EndsOn);
            db.OrganOfficials.Remove(await db.OrganOfficials.SingleAsync());
            db.SubstitutionRules.Remove(await db.SubstitutionRules.SingleAsync());
            await db.SaveChangesAsync();
        }

        var changes = (await LinesAsync()).Skip(8).ToList();
        changes.ShouldBe(
        [
            (AuditActions.Changed, nameof(Organ), organ.Id, "Organ OMN: ändrade Rules.MembersNeedSecondFactor, Rules.NoticeDaysBeforeMeeting"),
            (AuditActions.Changed, nameof(Person), person.Id, "Person Lars Ledamot: ändrade Email, Phone"),
            (AuditActions.Changed, nameof(Membership), membership.Id, "Uppdrag för Lars Ledamot i OMN (ledamot): ändrade ValidTo"),
            (AuditActions.Changed, nameof(Term), term.Id, "Mandatperiod 2023–26: ändrade Name"),
            (AuditActions.Deleted, nameof(OrganOfficial), official.Id, "Tjänsteman sara.sekreterare@exempelby.se som nämndsekreterare i OMN"),
            (AuditActions.Deleted, nameof(SubstitutionRule), rule.Id, "Ersättartabell i OMN: M på plats 1 för S"),
        ], ignoreOrder: true);
        changes.ShouldAllBe(c => !c.Summary.Contains("lars@example.org") && !c.Summary.Contains("070-123"), "names of fields, never their values");

        await using (var check = Database.CreateContext())
        {
            (await check.AuditTrail.ToListAsync()).ShouldAllBe(l => l.UserId == _admin.UserId && l.RemoteAddress == "192.0.2.17" && l.At == _clock.GetUtcNow());
        }

        // The Händelselogg filters them by kind, under their Swedish names.
        var adminFactory = new TestDbContextFactory(Database, _admin, _clock);
        var list = (await new ListAuditTrailHandler(adminFactory, new AccessService(adminFactory, _admin, _clock), new ListAuditTrailValidator())
            .HandleAsync(new ListAuditTrail { EntityType = nameof(Membership) })).Value!;
        list.Rows.Select(r => (r.EntityTypeName, r.Summary)).ShouldBe(
            [("Uppdrag", "Uppdrag för Lars Ledamot i OMN (ledamot): ändrade ValidTo"), ("Uppdrag", "Uppdrag för Lars Ledamot i OMN (ledamot)")]);
    }

    [Fact]
    public async Task Failed_save_leaves_neither_the_change_nor_its_line()
    {
        await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var factory = new TestDbContextFactory(Database, _admin, _clock);
        await using (var db = factory.Create())
        {
            // The short name is taken: the whole save fails, the new person with it.
            db.AddRange(new Person("Lars", "Ledamot"), new Organ("Omsorgsnämnden 2", "OMN", OrganKind.Namnd, "OMG"));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = Database.CreateContext();
        (await check.Persons.CountAsync()).ShouldBe(0);
        (await check.AuditTrail.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Login_created_changed_and_its_roles_given_and_taken_are_recorded_without_a_hash_or_a_stamp()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        var before = await LineCountAsync();
        Guid userId;
        string hash, stamp;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "nina.ny@exempelby.se", Email = "nina.ny@exempelby.se", DisplayName = "Nina Ny" };
            (await users.CreateAsync(user, "Ett-långt-lösenord-1")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Secretary)).Succeeded.ShouldBeTrue();
            (await users.ChangePasswordAsync(user, "Ett-långt-lösenord-1", "Ett-annat-lösenord-2")).Succeeded.ShouldBeTrue();
            (await users.UpdateSecurityStampAsync(user)).Succeeded.ShouldBeTrue();
            (await users.RemoveFromRoleAsync(user, Roles.Secretary)).Succeeded.ShouldBeTrue();
            userId = user.Id;
            hash = user.PasswordHash!;
            stamp = user.SecurityStamp!;
        }

        await using var db = Database.CreateContext();
        var lines = await db.AuditTrail.OrderBy(l => l.Id).Skip(before).ToListAsync();
        lines.Select(l => (l.Action, l.EntityType, l.EntityId, l.Summary)).ShouldBe(
        [
            (AuditActions.Created, "ApplicationUser", userId, "Inloggning Nina Ny (nina.ny@exempelby.se)"),
            (AuditActions.Created, "UserRole", userId, "Roll Nämndsekreterare tilldelad för Nina Ny (nina.ny@exempelby.se)"),
            (AuditActions.Changed, "ApplicationUser", userId, "Inloggning Nina Ny (nina.ny@exempelby.se): ändrade PasswordHash"),
            (AuditActions.Deleted, "UserRole", userId, "Roll Nämndsekreterare borttagen för Nina Ny (nina.ny@exempelby.se)"),
        ]);
        lines.ShouldAllBe(l => !l.Summary.Contains(hash) && !l.Summary.Contains(stamp));
    }

    private async Task<List<(string Action, string EntityType, Guid? EntityId, string Summary)>> LinesAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.AuditTrail.OrderBy(l => l.Id).ToListAsync()).Select(l => (l.Action, l.EntityType, l.EntityId, l.Summary)).ToList();
    }

    private async Task<int> LineCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditTrail.CountAsync();
    }
}
