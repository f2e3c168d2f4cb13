using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Security;

/// <summary>Reads the roles × operations table in docs/security.md and checks every cell against AccessService.</summary>
public partial class AccessTableTests(DatabaseFixture database) : IntegrationTest(database)
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_cell_of_the_documented_table_holds()
    {
        var table = ReadTable();
        table.Count.ShouldBeGreaterThanOrEqualTo(9, "the table in docs/security.md must be found and complete");

        var organA = await InsertAsync(new Organ("Organ A", "A", OrganKind.Namnd, "A"));
        var organB = await InsertAsync(new Organ("Organ B", "B", OrganKind.Namnd, "B"));
        var actors = new Dictionary<string, TestUser>
        {
            ["Administratör"] = await CreateUserAsync("admin", Roles.Administrator),
            ["Sekreterare A"] = await CreateUserAsync("sekr", Roles.Secretary),
            ["Handläggare A"] = await CreateUserAsync("handl", Roles.CaseOfficer),
            ["Ledamot A"] = await CreateUserAsync("ledA", Roles.Member),
            ["Ersättare A"] = await CreateUserAsync("ersA", Roles.Substitute),
            ["Före detta A"] = await CreateUserAsync("fdA", Roles.Member),
            ["Ledamot B"] = await CreateUserAsync("ledB", Roles.Member),
            ["Registrator"] = await CreateUserAsync("reg", Roles.Registrar),
            ["Revisor"] = await CreateUserAsync("rev", Roles.Auditor),
            ["Anonym"] = TestUser.Anonymous,
        };
        await InsertAsync(new OrganOfficial(actors["Sekreterare A"].UserId!.Value, organA.Id, OfficialFunction.Namndsekreterare));
        await InsertAsync(new OrganOfficial(actors["Handläggare A"].UserId!.Value, organA.Id, OfficialFunction.Handlaggare));
        await MemberAsync(actors["Ledamot A"], organA, MembershipRole.Ledamot, Today.AddYears(-1), null);
        await MemberAsync(actors["Ersättare A"], organA, MembershipRole.Ersattare, Today.AddYears(-1), null);
        await MemberAsync(actors["Före detta A"], organA, MembershipRole.Ledamot, Today.AddYears(-1), Today.AddMonths(-1));
        await MemberAsync(actors["Ledamot B"], organB, MembershipRole.Ledamot, Today.AddYears(-1), null);
        await InsertAsync(new Domain.Audit.AuditorScope(actors["Revisor"].UserId!.Value, organA.Id));

        var wrong = new List<string>();
        foreach (var (operationText, expectations) in table)
        {
            var parts = operationText.Split(' ', 3);
            var operation = Enum.Parse<Operation>(parts[0]);
            Guid? organ = parts.Length == 3 ? (parts[2] == "A" ? organA.Id : organB.Id) : null;
            foreach (var (actor, expected) in expectations)
            {
                actors.ShouldContainKey(actor);
                var access = new AccessService(new TestDbContextFactory(Database, actors[actor], _clock), actors[actor], _clock);
                var actual = await access.CanAsync(operation, organ, null);
                if (actual != expected)
                {
                    wrong.Add($"{actor} / {operationText}: documented {(expected ? "ja" : "nej")}, code says {(actual ? "ja" : "nej")}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private static List<(string Operation, List<(string Actor, bool Allowed)> Cells)> ReadTable()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));
        var block = TableBlock().Match(markdown);
        block.Success.ShouldBeTrue("docs/security.md must hold the table between the access-table markers");
        var lines = block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        return lines.Skip(2).Select(line =>
        {
            var cells = Cells(line);
            return (cells[0], header.Skip(1).Zip(cells.Skip(1), (actor, cell) => (actor, cell switch
            {
                "ja" => true,
                "nej" => false,
                _ => throw new InvalidOperationException($"Cell ”{cell}” in docs/security.md must be ja or nej."),
            })).ToList());
        }).ToList();

        static List<string> Cells(string line) => line.Trim('|').Split('|').Select(c => c.Trim()).ToList();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nämndportal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }


    private async Task MemberAsync(TestUser user, Organ organ, MembershipRole role, DateOnly from, DateOnly? to)
    {
        var person = await InsertAsync(new Person("Test", user.UserName!) { UserId = user.UserId });
        await InsertAsync(new Membership(person.Id, organ.Id, role, from, to));
    }

    [GeneratedRegex("<!-- access-table:start -->(.*?)<!-- access-table:end -->", RegexOptions.Singleline)]
    private static partial Regex TableBlock();
}
