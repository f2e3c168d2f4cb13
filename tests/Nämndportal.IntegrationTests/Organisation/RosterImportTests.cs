using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Organisation;

public class RosterImportTests(DatabaseFixture database) : IntegrationTest(database)
{
    private const string Header = "namn;parti;roll;organ;start;slut;e-post";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly TestUser _admin = new(Guid.NewGuid(), "admin@exempelby.se", Roles.Administrator);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.CreateContext();
        db.Parties.AddRange(Party.National());
        db.Organs.Add(new Organ("Omsorgsnämnden", "OMN", OrganKind.Namnd, "OMF"));
        db.Terms.Add(new Term("2023–2026", new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Valid_file_creates_persons_and_memberships_with_call_in_order()
    {
        var result = await ImportAsync(
            Header,
            "Anna Andersson;S;ordförande;Omsorgsnämnden;2023-01-01;;anna.andersson@exempelby.se",
            "Bo Berg;M;ledamot;OMN;2023-01-01;2026-12-31;bo.berg@exempelby.se",
            "Cecilia Carlsson;S;ersättare;OMN;2023-01-01;;",
            "David Dahl;S;ersättare;OMN;2023-01-01;;");

        result.Problems.ShouldBeEmpty();
        result.Saved.ShouldBe(4);
        await using var db = Database.CreateContext();
        (await db.Persons.CountAsync()).ShouldBe(4);
        var substitutes = await (from m in db.Memberships join p in db.Persons on m.PersonId equals p.Id
                                 where m.Role == MembershipRole.Ersattare orderby m.CallInOrder select new { p.LastName, m.CallInOrder, m.ValidTo }).ToListAsync();
        substitutes.Select(s => (s.LastName, s.CallInOrder)).ShouldBe([("Carlsson", (int?)1), ("Dahl", (int?)2)]);
        substitutes.ShouldAllBe(s => s.ValidTo == new DateOnly(2026, 12, 31), "an open end takes the term's end");
    }

    [Fact]
    public async Task File_with_bad_rows_saves_nothing_and_names_each_row_and_field()
    {
        var result = await ImportAsync(
            Header,
            "Anna Andersson;S;ordförande;Omsorgsnämnden;2023-01-01;;anna@exempelby.se",
            "Bo Berg;XYZ;ledamot;OMN;2023-01-01;;",
            "Cecilia Carlsson;S;talman;OMN;2023-01-01;;",
            "David Dahl;S;ledamot;Skolnämnden;2023-01-01;;",
            "Eva Ek;S;ledamot;OMN;1/2/2024;;",
            "Fia Fors;S;ordförande;OMN;2024-01-01;;",
            "Anna Andersson;S;ledamot;OMN;2024-01-01;;anna@exempelby.se");

        result.Saved.ShouldBe(0);
        var messages = result.Problems.Select(p => p.ToString()).ToList();
        messages.ShouldContain(m => m.StartsWith("Rad 3, fält parti:", StringComparison.Ordinal) && m.Contains("XYZ"));
        messages.ShouldContain(m => m.StartsWith("Rad 4, fält roll:", StringComparison.Ordinal) && m.Contains("talman"));
        messages.ShouldContain(m => m.StartsWith("Rad 5, fält organ:", StringComparison.Ordinal) && m.Contains("Skolnämnden"));
        messages.ShouldContain(m => m.StartsWith("Rad 6, fält start:", StringComparison.Ordinal) && m.Contains("ÅÅÅÅ-MM-DD"));
        messages.ShouldContain(m => m.StartsWith("Rad 7:", StringComparison.Ordinal) && m.Contains("redan en ordförande"));
        messages.ShouldContain(m => m.StartsWith("Rad 8", StringComparison.Ordinal) && m.Contains("Anna Andersson"));
        await using var db = Database.CreateContext();
        (await db.Persons.CountAsync()).ShouldBe(0, "nothing may be saved when any row is wrong");
        (await db.Memberships.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("namn;parti;roll;organ;start;slut", "kolumner saknas: e-post")]
    [InlineData("namn;parti;roll;organ;start;slut;e-post;telefon", "okända kolumner: telefon")]
    public async Task Wrong_columns_are_reported_before_any_row_is_read(string header, string expected)
    {
        var result = await ImportAsync(header, "Anna Andersson;S;ledamot;OMN;2023-01-01;;;");
        result.Saved.ShouldBe(0);
        result.Problems.ShouldHaveSingleItem().ToString().ShouldContain(expected);
    }

    [Fact]
    public async Task Empty_file_is_reported()
    {
        var result = await ImportAsync();
        result.Problems.ShouldHaveSingleItem().ToString().ShouldContain("filen är tom");
    }

    [Fact]
    public async Task Row_with_too_few_fields_is_named()
    {
        var result = await ImportAsync(Header, "Anna Andersson;S;ledamot;OMN;2023-01-01");
        result.Problems.ShouldHaveSingleItem().ToString().ShouldStartWith("Rad 2:");
    }

    [Fact]
    public async Task Rows_are_never_attached_to_the_wrong_person()
    {
        await using (var db = Database.CreateContext())
        {
            db.Persons.Add(new Person("Anna", "Andersson", "anna@exempelby.se"));
            db.Persons.Add(new Person("Bo", "Berg") { UserId = await CreateUserAsync("bo") });
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(Header, "Annika Ahl;S;ledamot;OMN;2023-01-01;;anna@exempelby.se", "Bo Berg;M;ledamot;OMN;2023-01-01;;");

        result.Saved.ShouldBe(0);
        var messages = result.Problems.Select(p => p.ToString()).ToList();
        messages.ShouldContain("Rad 2, fält e-post: anna@exempelby.se tillhör Anna Andersson, inte Annika Ahl.");
        messages.ShouldContain(m => m.StartsWith("Rad 3, fält e-post: Bo Berg har en inloggning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Names_that_a_spreadsheet_would_run_as_formulas_are_exported_as_text()
    {
        (await ImportAsync(Header, "=HYPERLINK(\"http://x\") Andersson;S;ledamot;OMN;2023-01-01;;")).Saved.ShouldBe(1);
        var factory = new TestDbContextFactory(Database, _admin, _clock);
        var access = new AccessService(factory, _admin, _clock);
        await using var db = Database.CreateContext();
        var csv = (await new ExportRosterHandler(new GetOrganHandler(factory, access, _clock, new NoUsers())).HandleAsync((await db.Organs.SingleAsync()).Id, RosterFormat.Csv)).Value!;
        Encoding.UTF8.GetString(csv.Content).ShouldContain("'=HYPERLINK");
    }

    [Fact]
    public async Task Member_of_the_organ_may_not_import_its_roster()
    {
        TestUser member;
        await using (var db = Database.CreateContext())
        {
            member = new TestUser(await CreateUserAsync("ledamot"), "ledamot@exempelby.se", Roles.Member);
            var person = new Person("Lars", "Ledamot") { UserId = member.UserId };
            db.Persons.Add(person);
            db.Memberships.Add(new Membership(person.Id, (await db.Organs.SingleAsync()).Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), null));
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(member, Header, "Anna Andersson;S;ledamot;OMN;2023-01-01;;");
        result.Problems.ShouldHaveSingleItem().ToString().ShouldContain("du får inte ändra ledamöterna i Omsorgsnämnden");
    }

    [Fact]
    public async Task Exported_csv_can_be_imported_again_and_the_excel_file_opens()
    {
        (await ImportAsync(Header, "Anna Andersson;S;ordförande;OMN;2023-01-01;;anna@exempelby.se", "Bo Berg;M;ledamot;OMN;2023-01-01;;")).Saved.ShouldBe(2);
        var factory = new TestDbContextFactory(Database, _admin, _clock);
        var access = new AccessService(factory, _admin, _clock);
        var export = new ExportRosterHandler(new GetOrganHandler(factory, access, _clock, new NoUsers()));
        Guid organId;
        await using (var db = Database.CreateContext())
        {
            organId = (await db.Organs.SingleAsync()).Id;
        }

        var csv = (await export.HandleAsync(organId, RosterFormat.Csv)).Value!;
        var text = Encoding.UTF8.GetString(csv.Content).TrimStart('\uFEFF');
        text.ShouldStartWith(Header);
        text.ShouldContain("Anna Andersson;S;ordförande;Omsorgsnämnden;2023-01-01;2026-12-31;anna@exempelby.se");

        var excel = (await export.HandleAsync(organId, RosterFormat.Excel)).Value!;
        using var stream = new MemoryStream(excel.Content);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["Namn"]).ShouldBe(["Anna Andersson", "Bo Berg"]);
        rows[0]["Roll"].ShouldBe("Ordförande");

        await ResetAsync();
        var again = await ImportAsync(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
        again.Problems.ShouldBeEmpty();
        again.Saved.ShouldBe(2);
    }


    private async Task ResetAsync()
    {
        await Database.ResetAsync();
        await InitializeAsync();
    }

    private Task<ImportRosterResult> ImportAsync(params string[] lines) => ImportAsync(_admin, lines);

    private async Task<ImportRosterResult> ImportAsync(TestUser user, params string[] lines)
    {
        var factory = new TestDbContextFactory(Database, user, _clock);
        var handler = new ImportRosterHandler(factory, new AccessService(factory, user, _clock));
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return await handler.HandleAsync(csv);
    }

    private sealed class NoUsers : Application.Common.IUserDirectory
    {
        public Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

        public Task<Application.Common.UserContact?> ContactAsync(Guid userId, CancellationToken cancellationToken = default) =>
            Task.FromResult<Application.Common.UserContact?>(null);

        public Task DeleteAsync(Guid userId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<Lookup>> StaffAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Lookup>>([]);

        public Task<Application.Common.Result<Guid>> CreateAsync(string email, string displayName, string role, string password, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesByUserNameAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
