using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Organisation;

public class OrganReportSettingsTests(DatabaseFixture database) : IntegrationTest(database)
{
    private readonly TestUser _admin = new(Guid.NewGuid(), "admin", Roles.Administrator);

    [Fact]
    public async Task New_organ_gets_the_default_headings_and_pattern()
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan { Name = "Omsorgsnämnden", ShortName = "OMN", CaseNumberPrefix = "OMF" })).Value;

        var organ = (await Get(_admin).HandleAsync(id)).Value!;
        organ.ConsequenceHeadings.ShouldBe(["Ekonomi", "Barnperspektiv", "Miljö", "Jämställdhet"]);
        organ.CaseNumberPattern.ShouldBe("{prefix}-{year}-{number}");
        organ.Administration.ShouldBeNull();
    }

    [Fact]
    public async Task Förvaltning_headings_and_pattern_round_trip_through_the_form()
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan { Name = "Social- och utbildningsnämnden", ShortName = "SUN", CaseNumberPrefix = "SUN" })).Value;
        var form = SaveOrgan.From((await Get(_admin).HandleAsync(id)).Value!);
        form.Administration = "  Social- och utbildningsförvaltningen ";
        form.ConsequenceHeadings = ["Ekonomiska konsekvenser", " Barnperspektiv", "", "barnperspektiv", "Folkhälsa"];
        form.CaseNumberPattern = "{prefix} {year}/{number}";

        var saved = await Save(_admin).HandleAsync(form);

        saved.Succeeded.ShouldBeTrue(saved.Error?.Message);
        var organ = (await Get(_admin).HandleAsync(id)).Value!;
        organ.Administration.ShouldBe("Social- och utbildningsförvaltningen");
        organ.ConsequenceHeadings.ShouldBe(["Ekonomiska konsekvenser", "Barnperspektiv", "Folkhälsa"], "blank and repeated headings are dropped");
        organ.CaseNumberPattern.ShouldBe("{prefix} {year}/{number}");
        SaveOrgan.From(organ).ConsequenceHeadings.ShouldBe(["Ekonomiska konsekvenser", "Barnperspektiv", "Folkhälsa"]);
    }

    [Theory]
    [InlineData("{prefix}/{number}", "Mönstret för diarienummer ska innehålla {year} exakt en gång, till exempel {prefix}-{year}-{number}.")]
    [InlineData("{prefix}-{year}-{number}-{number}", "Mönstret för diarienummer ska innehålla {number} exakt en gång, till exempel {prefix}-{year}-{number}.")]
    [InlineData("Dnr {prefix}-{year}-{number}", "Mönstret för diarienummer får bara ha skiljetecken mellan {prefix}, {year} och {number}.")]
    public async Task A_pattern_that_does_not_parse_is_refused_in_swedish_and_nothing_is_stored(string pattern, string message)
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan { Name = "Omsorgsnämnden", ShortName = "OMN", CaseNumberPrefix = "OMF" })).Value;
        var form = SaveOrgan.From((await Get(_admin).HandleAsync(id)).Value!);
        form.CaseNumberPattern = pattern;
        form.Administration = "Omsorgsförvaltningen";

        var result = await Save(_admin).HandleAsync(form);

        result.Error!.Code.ShouldBe("validation");
        result.Error.Message.ShouldBe(message);
        await using var db = Database.CreateContext();
        var stored = await db.Organs.SingleAsync(o => o.Id == id);
        (stored.CaseNumberPattern, stored.Administration).ShouldBe(("{prefix}-{year}-{number}", (string?)null));
    }

    [Fact]
    public async Task Standard_agenda_items_round_trip_through_the_form_in_order()
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan { Name = "Omsorgsnämnden", ShortName = "OMN", CaseNumberPrefix = "OMF" })).Value;
        var form = SaveOrgan.From((await Get(_admin).HandleAsync(id)).Value!);
        form.StandardAgendaItems.ShouldBe(["Val av justerare", "Anmälan av extra ärenden", "Redovisning av delegationsbeslut", "Redovisning av meddelanden"]);
        form.StandardAgendaItems = ["Upprop", " Val av justerare ", "", "val av justerare", "Godkännande av dagordning"];

        var saved = await Save(_admin).HandleAsync(form);

        saved.Succeeded.ShouldBeTrue(saved.Error?.Message);
        (await Get(_admin).HandleAsync(id)).Value!.StandardAgendaItems.ShouldBe(["Upprop", "Val av justerare", "Godkännande av dagordning"]);
        form = SaveOrgan.From((await Get(_admin).HandleAsync(id)).Value!);
        form.StandardAgendaItems = [new string('V', 301)];
        (await Save(_admin).HandleAsync(form)).Error!.Message.ShouldContain("högst 300 tecken");
    }

    [Fact]
    public async Task A_heading_over_80_characters_is_refused()
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan { Name = "Omsorgsnämnden", ShortName = "OMN", CaseNumberPrefix = "OMF" })).Value;
        var form = SaveOrgan.From((await Get(_admin).HandleAsync(id)).Value!);
        form.ConsequenceHeadings = ["Ekonomi", new string('B', 81)];

        (await Save(_admin).HandleAsync(form)).Error!.Message.ShouldContain("får ha högst 80 tecken");
    }

    [Fact]
    public async Task A_new_pattern_is_used_for_the_next_registered_case()
    {
        var id = (await Save(_admin).HandleAsync(new SaveOrgan
        {
            Name = "Kommunstyrelsen", ShortName = "KS", Kind = OrganKind.Kommunstyrelse, CaseNumberPrefix = "KS", CaseNumberPattern = "{prefix} {year}/{number}",
        })).Value;
        var registrar = new TestUser(Guid.NewGuid(), "reg", Roles.Registrar);
        var factory = new TestDbContextFactory(Database, registrar, TimeProvider.System);
        var register = new Application.Cases.RegisterCaseHandler(factory, new AccessService(factory, registrar, TimeProvider.System),
            new Application.Cases.RegisterCaseValidator(), registrar, TimeProvider.System);

        var registered = await register.HandleAsync(new Application.Cases.RegisterCase { OrganId = id, Title = "Budget" });

        registered.Value!.Number.ShouldBe($"KS {Domain.Common.SwedishTime.LocalDate(DateTimeOffset.UtcNow).Year}/1");
    }

    [Fact]
    public async Task The_real_user_directory_gives_a_case_officers_name_and_email()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var hanna = (await users.StaffAsync()).Single(u => u.Name.StartsWith("Hanna Handläggare", StringComparison.Ordinal));

        (await users.ContactAsync(hanna.Id)).ShouldBe(new UserContact("Hanna Handläggare", "handlaggare@exempelby.se"));
        (await users.ContactAsync(Guid.NewGuid())).ShouldBeNull();
    }

    private SaveOrganHandler Save(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, TimeProvider.System);
        return new SaveOrganHandler(factory, new AccessService(factory, user, TimeProvider.System), new SaveOrganValidator());
    }

    private GetOrganHandler Get(TestUser user)
    {
        var factory = new TestDbContextFactory(Database, user, TimeProvider.System);
        return new GetOrganHandler(factory, new AccessService(factory, user, TimeProvider.System), TimeProvider.System, new DatabaseUserDirectory(Database));
    }
}
