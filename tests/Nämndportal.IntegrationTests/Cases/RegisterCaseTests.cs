using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Cases;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Cases;

public class RegisterCaseTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly TestUser _registrar = new(Guid.NewGuid(), "registrator@exempelby.se", Roles.Registrar);

    [Fact]
    public async Task Forty_registrations_at_the_same_time_get_forty_different_consecutive_numbers()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            Handler(_registrar).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = $"Ärende {i}" })));

        results.ShouldAllBe(r => r.Succeeded);
        results.Select(r => r.Value!.Number).Order().ShouldBe(Enumerable.Range(1, 40).Select(n => $"OMF-2026-{n}").Order());
        await using var db = Database.CreateContext();
        (await db.Cases.CountAsync()).ShouldBe(40);
    }

    [Fact]
    public async Task Organ_pattern_is_followed_and_each_prefix_and_year_has_its_own_series()
    {
        var sun = await InsertAsync(new Organ("Social- och utbildningsnämnden", "SUN", OrganKind.Namnd, "SUN"));
        await using (var db = Database.CreateContext())
        {
            (await db.Organs.SingleAsync(o => o.Id == sun.Id)).SetCaseNumberPattern("{prefix} {year}/{number}");
            await db.SaveChangesAsync();
        }

        (await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = sun.Id, Title = "Årsbokslut" })).Value!.Number.ShouldBe("SUN 2026/1");
        (await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = sun.Id, Title = "Förskolekön" })).Value!.Number.ShouldBe("SUN 2026/2");
    }

    [Fact]
    public async Task Number_typed_by_hand_must_fit_the_pattern_is_never_reused_and_moves_the_series_on()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));

        var wrong = await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "Äldre ärende", NumberTypedByHand = "OMF 2026/149" });
        wrong.Error!.Message.ShouldContain("följer inte organets mönster, till exempel OMF-2026-12");

        (await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "Äldre ärende", NumberTypedByHand = "OMF-2026-149" })).Value!.Number.ShouldBe("OMF-2026-149");
        (await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "Samma igen", NumberTypedByHand = "OMF-2026-149" }))
            .Error!.Message.ShouldBe("Diarienumret OMF-2026-149 finns redan och kan inte användas igen.");
        (await Handler(_registrar).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "Nytt ärende" })).Value!.Number.ShouldBe("OMF-2026-150");
    }

    [Fact]
    public async Task Member_cannot_register_a_case()
    {
        var organ = await InsertAsync(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        var result = await Handler(new TestUser(Guid.NewGuid(), "ledamot", Roles.Member)).HandleAsync(new RegisterCase { OrganId = organ.Id, Title = "X" });
        result.Error!.Code.ShouldBe("forbidden");
    }

    private RegisterCaseHandler Handler(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        return new RegisterCaseHandler(factory, new AccessService(factory, user, _clock), new RegisterCaseValidator(), user, _clock);
    }
}
