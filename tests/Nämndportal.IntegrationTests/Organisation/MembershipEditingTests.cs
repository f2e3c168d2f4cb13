using FluentValidation;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Organisation;

public class MembershipEditingTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_naming_who_changed_it()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var person = await InsertAsync(new Person("Anna", "Andersson"));
        var membership = await InsertAsync(new Membership(person.Id, organ.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
        uint loadedVersion;
        await using (var db = Database.CreateContext())
        {
            loadedVersion = db.Memberships.Single(m => m.Id == membership.Id).Version;
        }

        var first = Handler(new TestUser(Guid.NewGuid(), "sara.sekreterare@exempelby.se", Roles.Administrator));
        var second = Handler(new TestUser(Guid.NewGuid(), "alva.admin@exempelby.se", Roles.Administrator));
        var edit = new SaveMembership
        {
            Id = membership.Id, Version = loadedVersion, OrganId = organ.Id, PersonId = person.Id, Role = MembershipRole.ForsteViceOrdforande,
            ValidFrom = new DateTime(2023, 1, 1), ValidTo = new DateTime(2026, 12, 31),
        };

        (await first.HandleAsync(edit)).Succeeded.ShouldBeTrue();
        var refused = await second.HandleAsync(edit with { Role = MembershipRole.AndreViceOrdforande });

        refused.Succeeded.ShouldBeFalse();
        refused.Error!.Code.ShouldBe("conflict");
        refused.Error.Message.ShouldContain("sara.sekreterare@exempelby.se");
        await using var check = Database.CreateContext();
        check.Memberships.Single(m => m.Id == membership.Id).Role.ShouldBe(MembershipRole.ForsteViceOrdforande, "the first change must be kept");
    }

    [Fact]
    public async Task Second_chair_for_the_same_time_is_refused_with_a_Swedish_message()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var chair = await InsertAsync(new Person("Anna", "Andersson"));
        var other = await InsertAsync(new Person("Bo", "Berg"));
        await InsertAsync(new Membership(chair.Id, organ.Id, MembershipRole.Ordforande, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));

        var result = await Handler(new TestUser(Guid.NewGuid(), "admin", Roles.Administrator)).HandleAsync(new SaveMembership
        {
            OrganId = organ.Id, PersonId = other.Id, Role = MembershipRole.Ordforande, ValidFrom = new DateTime(2025, 1, 1),
        });

        result.Error!.Message.ShouldBe("Organet har redan en ordförande under den tiden.");
    }

    [Fact]
    public async Task Two_chairs_saved_at_the_same_moment_cannot_both_pass_the_rules()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var persons = new List<Person>();
        for (var i = 0; i < 8; i++)
        {
            persons.Add(await InsertAsync(new Person("Person", $"Nummer{i}")));
        }

        var admin = new TestUser(Guid.NewGuid(), "admin", Roles.Administrator);
        var results = await Task.WhenAll(persons.Select(p => Handler(admin).HandleAsync(new SaveMembership
        {
            OrganId = organ.Id, PersonId = p.Id, Role = MembershipRole.Ordforande, ValidFrom = new DateTime(2025, 1, 1),
        })));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Error!.Message == "Organet har redan en ordförande under den tiden.");
        await using var db = Database.CreateContext();
        db.Memberships.Count(m => m.Role == MembershipRole.Ordforande).ShouldBe(1);
    }

    [Fact]
    public async Task Secretary_of_another_organ_may_not_add_members()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var other = await InsertAsync(new Organ("Byggnadsnämnden", "BN", OrganKind.Namnd, "BN"));
        var person = await InsertAsync(new Person("Anna", "Andersson"));
        var secretaryOfOther = new TestUser(await CreateUserAsync("sekr"), "sekr", Roles.Secretary);
        await InsertAsync(new OrganOfficial(secretaryOfOther.UserId!.Value, other.Id, OfficialFunction.Namndsekreterare));
        var result = await Handler(secretaryOfOther).HandleAsync(new SaveMembership
        {
            OrganId = organ.Id, PersonId = person.Id, Role = MembershipRole.Ledamot, ValidFrom = new DateTime(2025, 1, 1),
        });
        result.Error!.Code.ShouldBe("forbidden");
    }


    private SaveMembershipHandler Handler(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        return new SaveMembershipHandler(factory, new AccessService(factory, user, _clock), new SaveMembershipValidator());
    }
}
