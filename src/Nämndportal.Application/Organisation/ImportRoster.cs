using System.Globalization;
using System.Net.Mail;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public sealed record ImportProblem(int Row, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"Rad {Row}: {Message}" : $"Rad {Row}, fält {Field}: {Message}";
}

public sealed record ImportRosterResult(int Saved, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports a roster from CSV with the columns namn, parti, roll, organ, start, slut, e-post (semicolon or comma
/// separated, dates as ÅÅÅÅ-MM-DD). Every row is checked first and every problem is reported with its row and
/// field; only a file without problems is saved, in one transaction. Persons are matched on e-mail, else on name;
/// new ones are created. Ersättare get the call-in order of their order in the file, per organ and party.
/// </summary>
public sealed class ImportRosterHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<string> Columns { get; } = ["namn", "parti", "roll", "organ", "start", "slut", "e-post"];

    public async Task<ImportRosterResult> HandleAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<ImportProblem>();
        var rows = ReadRows(csv, problems);
        if (problems.Count > 0)
        {
            return new ImportRosterResult(0, problems);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var parties = await db.Parties.ToListAsync(cancellationToken);
        var organs = await db.Organs.ToListAsync(cancellationToken);

        // Every roster the file may touch is locked (in one order, so two imports cannot deadlock) before it is read.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        foreach (var organ in organs.OrderBy(o => o.Id))
        {
            await db.LockOrganRosterAsync(organ.Id, cancellationToken);
        }

        var terms = await db.Terms.AsNoTracking().ToListAsync(cancellationToken);
        var persons = await db.Persons.ToListAsync(cancellationToken);
        var memberships = await db.Memberships.ToListAsync(cancellationToken);
        var grants = await access.SnapshotAsync(cancellationToken);
        var newPersons = new List<Person>();
        var newMemberships = new List<Membership>();

        foreach (var row in rows)
        {
            var before = problems.Count;
            var name = row.Get("namn").Trim();
            var nameParts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (nameParts.Length < 2)
            {
                problems.Add(new(row.Line, "namn", "ange förnamn och efternamn."));
            }

            var party = parties.FirstOrDefault(p => string.Equals(p.Abbreviation, row.Get("parti").Trim(), StringComparison.OrdinalIgnoreCase));
            if (party is null)
            {
                problems.Add(new(row.Line, "parti", $"okänt parti ”{row.Get("parti")}”. Lägg till lokala partier under Partier först."));
            }

            if (!MembershipRoleNames.TryParse(row.Get("roll"), out var role))
            {
                problems.Add(new(row.Line, "roll", $"okänd roll ”{row.Get("roll")}”. Tillåtna: {MembershipRoleNames.Allowed}."));
            }

            var organText = row.Get("organ").Trim();
            var organ = organs.FirstOrDefault(o => string.Equals(o.Name, organText, StringComparison.OrdinalIgnoreCase)
                || string.Equals(o.ShortName, organText, StringComparison.OrdinalIgnoreCase));
            if (organ is null)
            {
                problems.Add(new(row.Line, "organ", $"okänt organ ”{organText}”."));
            }
            else if (!grants.Can(Operation.ManageOrgan, organ.Id))
            {
                problems.Add(new(row.Line, "organ", $"du får inte ändra ledamöterna i {organ.Name}."));
            }

            var start = ParseDate(row, "start", required: true, problems);
            var end = ParseDate(row, "slut", required: false, problems);
            if (start is { } s && end is { } e && e < s)
            {
                problems.Add(new(row.Line, "slut", "slutdatum ligger före startdatum."));
            }

            var email = row.Get("e-post").Trim();
            if (email.Length > 0 && !MailAddress.TryCreate(email, out _))
            {
                problems.Add(new(row.Line, "e-post", $"”{email}” är ingen giltig e-postadress."));
            }

            if (problems.Count > before)
            {
                continue;
            }

            var person = FindPerson(persons.Concat(newPersons), email, nameParts, row, problems);
            if (problems.Count > before)
            {
                continue;
            }

            if (person is null)
            {
                person = new Person(string.Join(' ', nameParts[..^1]), nameParts[^1], email.Length > 0 ? email : null, party!.Id);
                newPersons.Add(person);
            }

            var term = terms.FirstOrDefault(t => t.Contains(start!.Value));
            var callIn = role == MembershipRole.Ersattare
                ? memberships.Concat(newMemberships)
                    .Where(m => m.OrganId == organ!.Id && m.Role == MembershipRole.Ersattare && m.PartyId == party!.Id && m.IsValidOn(start!.Value))
                    .Select(m => m.CallInOrder ?? 0).DefaultIfEmpty(0).Max() + 1
                : (int?)null;
            var membership = new Membership(person.Id, organ!.Id, role, start!.Value, end ?? term?.EndsOn, term?.Id, party!.Id, callIn);

            var duplicate = newMemberships.FirstOrDefault(m => m.PersonId == person.Id && m.OrganId == organ.Id && m.Overlaps(membership));
            if (duplicate is not null)
            {
                problems.Add(new(row.Line, "namn", $"{name} finns redan på en tidigare rad för samma organ och tid."));
                continue;
            }

            foreach (var problem in MembershipRules.Check(membership, memberships.Concat(newMemberships), term))
            {
                problems.Add(new(row.Line, null, problem));
            }

            newMemberships.Add(membership);
        }

        if (problems.Count > 0)
        {
            return new ImportRosterResult(0, problems);
        }

        db.Persons.AddRange(newPersons);
        db.Memberships.AddRange(newMemberships);
        var saved = await db.SaveOrConflictAsync(newMemberships[0], newMemberships.Count, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved.Succeeded ? new ImportRosterResult(saved.Value, []) : new ImportRosterResult(0, [new ImportProblem(0, null, saved.Error!.Message)]);
    }

    // A row must never attach a seat to the wrong person: an e-mail match must agree on the name, and a name-only
    // match is refused when it is ambiguous or when that person has a login (the seat would give the login access).
    private static Person? FindPerson(IEnumerable<Person> persons, string email, string[] nameParts, CsvRow row, List<ImportProblem> problems)
    {
        var name = string.Join(' ', nameParts);
        if (email.Length > 0)
        {
            var byEmail = persons.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
            if (byEmail is not null && !string.Equals(byEmail.FullName, name, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(row.Line, "e-post", $"{email} tillhör {byEmail.FullName}, inte {name}."));
            }

            return byEmail;
        }

        var matches = persons.Where(p => string.Equals(p.FullName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1)
        {
            problems.Add(new(row.Line, "e-post", $"det finns flera personer som heter {name}; ange e-post för att skilja dem åt."));
        }
        else if (matches.Count == 1 && matches[0].UserId is not null)
        {
            problems.Add(new(row.Line, "e-post", $"{name} har en inloggning; ange personens e-post så att rätt person får uppdraget."));
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    private static DateOnly? ParseDate(CsvRow row, string field, bool required, List<ImportProblem> problems)
    {
        var text = row.Get(field).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(row.Line, field, "datum saknas."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(row.Line, field, $"”{text}” är inget datum på formen ÅÅÅÅ-MM-DD."));
        return null;
    }

    private static List<CsvRow> ReadRows(Stream csv, List<ImportProblem> problems)
    {
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            HasHeaderRecord = true,
            MissingFieldFound = null,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read())
        {
            problems.Add(new(1, null, "filen är tom. Första raden ska vara rubrikerna " + string.Join(";", Columns) + "."));
            return [];
        }

        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = Columns.Except(header).ToList();
        var extra = header.Except(Columns).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("kolumner saknas: " + string.Join(", ", missing));
            }

            if (extra.Count > 0)
            {
                parts.Add("okända kolumner: " + string.Join(", ", extra));
            }

            problems.Add(new(1, null, string.Join("; ", parts) + ". Rubrikraden ska vara " + string.Join(";", Columns) + "."));
            return [];
        }

        var rows = new List<CsvRow>();
        while (parser.Read())
        {
            var record = parser.Record!;
            var line = parser.Row;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(new(line, null, $"raden har {record.Length} fält men ska ha {header.Length} ({string.Join(";", Columns)})."));
                continue;
            }

            rows.Add(new CsvRow(line, header.Zip(record).ToDictionary(p => p.First, p => p.Second)));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(2, null, "filen har inga rader under rubrikraden."));
        }

        return rows;
    }

    private sealed record CsvRow(int Line, Dictionary<string, string> Fields)
    {
        public string Get(string column) => Fields.GetValueOrDefault(column) ?? string.Empty;
    }
}
