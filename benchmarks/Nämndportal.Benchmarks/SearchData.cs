using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Benchmarks;

/// <summary>The people the benchmark searches as.</summary>
internal sealed record SearchPeople(Guid MemberUserId, Guid RegistrarUserId, Guid MemberOrganId);

/// <summary>
/// Fills a fresh database with 50,000 cases over six organs and 200,000 pages of document text (bulk loaded with
/// COPY), tjänsteskrivelser for most cases, handlingar of which some are secret-marked, then ANALYZE.
/// </summary>
internal sealed class SearchData(Func<AppDbContext> createContext, string connectionString)
{
    public const int CaseCount = 50_000;
    public const int PageCount = 200_000;

    /// <summary>A word written only into secret handlingar' text: the member must never find it.</summary>
    public const string SecretWord = "hemligholmen";

    private static readonly (string Name, string ShortName, string Prefix, string Pattern, double Share)[] OrganSpecs =
    [
        ("Kommunstyrelsen", "KS", "KS", "{prefix} {year}/{number}", 0.20),
        ("Omsorgsnämnden", "OMN", "OMF", "{prefix}-{year}-{number}", 0.20),
        ("Social- och utbildningsnämnden", "SUN", "SUN", "{prefix} {year}/{number}", 0.25),
        ("Byggnadsnämnden", "BYN", "BN", "{prefix}-{year}-{number}", 0.15),
        ("Kultur- och fritidsnämnden", "KFN", "KFN", "{prefix} {year}/{number}", 0.10),
        ("Miljö- och hälsoskyddsnämnden", "MHN", "MHN", "{prefix}-{year}-{number}", 0.10),
    ];

    private static readonly CaseStatus[] OpenStatuses =
        [CaseStatus.Registrerat, CaseStatus.UnderBeredning, CaseStatus.KlartForBeslut, CaseStatus.PaForedragningslista, CaseStatus.Beslutat, CaseStatus.Expedierat, CaseStatus.Bordlagt, CaseStatus.Aterremitterat];

    private static readonly string[] Proposals = ["godkänna förslaget"];
    private static readonly string[] DispatchTo = ["Kommunstyrelsen"];

    private readonly SwedishText _text = new(20261122);
    private readonly DateTime _now = DateTime.UtcNow;

    public async Task<SearchPeople> GenerateAsync()
    {
        var clock = Stopwatch.StartNew();
        var (people, organs, officers) = await PeopleAndOrgansAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET synchronous_commit = off;");

        // GIN indexes are built once after the load, not row by row during it (the usual way to bulk load).
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%' AND tablename IN ('cases', 'case_documents', 'officer_reports', 'document_texts')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}");
        }

        var cases = await CasesAsync(connection, organs, officers);
        Progress(clock, $"{cases.Count:N0} ärenden");
        await OfficerReportsAsync(connection, cases);
        Progress(clock, "tjänsteskrivelser");
        await DocumentsAsync(connection, cases, clock);

        foreach (var (name, definition) in indexes)
        {
            Progress(clock, $"bygger index {name}");
            await ExecuteAsync(connection, definition);
        }

        // As autovacuum would leave the tables: statistics, visibility map and hint bits set.
        Progress(clock, "VACUUM ANALYZE");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        Progress(clock, "klart");
        return people;
    }

    private async Task<(SearchPeople People, List<(Organ Organ, string Pattern, double Share)> Organs, List<Guid> Officers)> PeopleAndOrgansAsync()
    {
        await using var db = createContext();
        var organs = new List<(Organ Organ, string Pattern, double Share)>();
        foreach (var spec in OrganSpecs)
        {
            var organ = new Organ(spec.Name, spec.ShortName, OrganKind.Namnd, spec.Prefix);
            organ.SetCaseNumberPattern(spec.Pattern);
            db.Organs.Add(organ);
            organs.Add((organ, spec.Pattern, spec.Share));
        }

        var member = User(db, "ledamot@bench.example", "Lena Ledamot");
        var registrar = User(db, "registrator@bench.example", "Rolf Registrator");
        var officers = Enumerable.Range(1, 25).Select(i => User(db, $"handlaggare{i}@bench.example", _text.PersonName())).ToList();
        var memberOrgan = organs[1].Organ;
        var person = new Person("Lena", "Ledamot") { UserId = member };
        db.Persons.Add(person);
        db.Memberships.Add(new Membership(person.Id, memberOrgan.Id, MembershipRole.Ledamot, new DateOnly(2023, 1, 1), null));
        foreach (var (officer, index) in officers.Select((o, i) => (o, i)))
        {
            db.OrganOfficials.Add(new OrganOfficial(officer, organs[index % organs.Count].Organ.Id, OfficialFunction.Handlaggare));
        }

        db.FileBlobs.Add(new FileBlob(Encoding.UTF8.GetBytes("%PDF-1.7 benchmark")));
        await db.SaveChangesAsync();
        return (new SearchPeople(member, registrar, memberOrgan.Id), organs, officers);
    }

    private static Guid User(AppDbContext db, string email, string name)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, NormalizedUserName = email.ToUpperInvariant(),
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), DisplayName = name,
        };
        db.Users.Add(user);
        return user.Id;
    }

    private sealed record CaseRow(Guid Id, Guid OrganId, DateOnly RegisteredOn);

    private async Task<List<CaseRow>> CasesAsync(NpgsqlConnection connection, List<(Organ Organ, string Pattern, double Share)> organs, List<Guid> officers)
    {
        var random = _text.Random;
        // Organ and year first, so each prefix and year gets its running numbers 1, 2, 3 … in date order.
        var picks = new List<(int Organ, int Year)>(CaseCount);
        for (var i = 0; i < CaseCount; i++)
        {
            var roll = random.NextDouble();
            var organ = 0;
            for (var share = organs[0].Share; roll > share && organ < organs.Count - 1; share += organs[++organ].Share)
            {
            }

            picks.Add((organ, 2021 + random.Next(6)));
        }

        var perKey = picks.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var next = new Dictionary<(int, int), int>();
        var rows = new List<CaseRow>(CaseCount);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY cases (id, organ_id, prefix, year, sequence, number, title, registered_on, case_officer_user_id, status, created_at, created_by) FROM STDIN (FORMAT BINARY)");
        foreach (var pick in picks)
        {
            var (organ, pattern, _) = organs[pick.Organ];
            var sequence = next[pick] = next.GetValueOrDefault(pick) + 1;
            var registered = new DateOnly(pick.Year, 1, 1).AddDays((int)((sequence - 1) * 360.0 / perKey[pick]));
            var status = pick.Year < 2025 ? (random.Next(10) < 8 ? CaseStatus.Avslutat : CaseStatus.Expedierat) : OpenStatuses[random.Next(OpenStatuses.Length)];
            var row = new CaseRow(Guid.CreateVersion7(), organ.Id, registered);
            rows.Add(row);
            await writer.StartRowAsync();
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(organ.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(organ.CaseNumberPrefix, NpgsqlDbType.Varchar);
            await writer.WriteAsync(pick.Year, NpgsqlDbType.Integer);
            await writer.WriteAsync(sequence, NpgsqlDbType.Integer);
            await writer.WriteAsync(CaseNumberFormat.Parse(pattern).Format(organ.CaseNumberPrefix, pick.Year, sequence), NpgsqlDbType.Varchar);
            await writer.WriteAsync(_text.Title(pick.Year), NpgsqlDbType.Varchar);
            await writer.WriteAsync(registered, NpgsqlDbType.Date);
            if (random.Next(5) == 0)
            {
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(officers[random.Next(officers.Count)], NpgsqlDbType.Uuid);
            }

            await writer.WriteAsync(status.ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(_now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
        return rows;
    }

    private async Task OfficerReportsAsync(NpgsqlConnection connection, List<CaseRow> cases)
    {
        var random = _text.Random;
        var text = new StringBuilder();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY officer_reports (id, case_id, proposals, summary_html, description_html, decision_basis, dispatch_to, search_text, created_at, created_by) FROM STDIN (FORMAT BINARY)");
        foreach (var row in cases.Where(_ => random.Next(10) < 6))
        {
            text.Clear();
            text.Append("att godkänna ").Append(_text.Compound()).Append(". ");
            _text.Append(text, random.Next(600, 1500));
            var plain = text.ToString();
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(Proposals, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync("<p>" + plain[..Math.Min(200, plain.Length)] + "</p>", NpgsqlDbType.Text);
            await writer.WriteAsync("<p>" + plain + "</p>", NpgsqlDbType.Text);
            await writer.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            await writer.WriteAsync(DispatchTo, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync(plain, NpgsqlDbType.Text);
            await writer.WriteAsync(_now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
    }

    private sealed record DocumentRow(Guid Id, Guid VersionId, CaseRow Case, int Ordinal, int Pages, bool Secret);

    private async Task DocumentsAsync(NpgsqlConnection connection, List<CaseRow> cases, Stopwatch clock)
    {
        var random = _text.Random;
        // Page counts as handlingar have them: mostly letters of a page or two, some long reports.
        var documents = new List<DocumentRow>();
        var ordinals = new Dictionary<Guid, int>();
        var pages = 0;
        while (pages < PageCount)
        {
            var roll = random.Next(100);
            var count = Math.Min(PageCount - pages, roll switch
            {
                < 45 => 1,
                < 65 => 2,
                < 77 => 3,
                < 90 => random.Next(4, 7),
                < 98 => random.Next(7, 16),
                _ => random.Next(16, 41),
            });
            pages += count;
            var @case = cases[random.Next(cases.Count)];
            var ordinal = ordinals[@case.Id] = ordinals.GetValueOrDefault(@case.Id) + 1;
            documents.Add(new DocumentRow(Guid.CreateVersion7(), Guid.CreateVersion7(), @case, ordinal, count, random.Next(100) < 6));
        }

        // And handlingar without extracted text (images, files not yet read).
        var withoutText = new List<DocumentRow>();
        for (var i = 0; i < documents.Count / 4; i++)
        {
            var @case = cases[random.Next(cases.Count)];
            var ordinal = ordinals[@case.Id] = ordinals.GetValueOrDefault(@case.Id) + 1;
            withoutText.Add(new DocumentRow(Guid.CreateVersion7(), Guid.CreateVersion7(), @case, ordinal, 0, random.Next(100) < 6));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY case_documents (id, case_id, ordinal, direction, document_date, counterpart, description, hide_counterpart_publicly, hide_description_publicly, secrecy_provision, secrecy_marked_on, secrecy_marked_by_name, created_at, created_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var document in documents.Concat(withoutText))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(document.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Case.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Ordinal, NpgsqlDbType.Integer);
                await writer.WriteAsync(random.Next(2) == 0 ? nameof(DocumentDirection.Inkommen) : nameof(DocumentDirection.Upprattad), NpgsqlDbType.Varchar);
                await writer.WriteAsync(document.Case.RegisteredOn.AddDays(random.Next(60)), NpgsqlDbType.Date);
                await writer.WriteAsync(_text.Counterpart(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(_text.Description(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                if (document.Secret)
                {
                    await writer.WriteAsync("OSL 26 kap. 1 §", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(document.Case.RegisteredOn, NpgsqlDbType.Date);
                    await writer.WriteAsync("Sara Sekreterare", NpgsqlDbType.Varchar);
                }
                else
                {
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                }

                await writer.WriteAsync(_now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        Progress(clock, $"{documents.Count + withoutText.Count:N0} handlingar ({documents.Concat(withoutText).Count(d => d.Secret):N0} sekretessmarkerade)");
        var blob = FileBlob.Checksum(Encoding.UTF8.GetBytes("%PDF-1.7 benchmark"));
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY document_versions (id, case_id, document_id, number, file_name, kind, content_type, length, sha256, page_count, rendition_status, created_at, created_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var document in documents.Concat(withoutText))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(document.VersionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Case.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync($"handling-{document.Ordinal}.pdf", NpgsqlDbType.Varchar);
                await writer.WriteAsync(nameof(FileKind.Pdf), NpgsqlDbType.Varchar);
                await writer.WriteAsync("application/pdf", NpgsqlDbType.Varchar);
                await writer.WriteAsync(18L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(blob, NpgsqlDbType.Char);
                await writer.WriteAsync(Math.Max(1, document.Pages), NpgsqlDbType.Integer);
                await writer.WriteAsync(nameof(RenditionStatus.NotNeeded), NpgsqlDbType.Varchar);
                await writer.WriteAsync(_now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        var text = new StringBuilder();
        var written = 0;
        var reported = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY document_texts (version_id, document_id, case_id, text, page_count) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var document in documents)
            {
                text.Clear();
                for (var page = 0; page < document.Pages; page++)
                {
                    _text.Append(text, random.Next(1_500, 2_500));
                    text.Append('\f');
                }

                if (document.Secret)
                {
                    text.Insert(random.Next(text.Length / 2), $" Placering på {SwedishText.Capitalise(SecretWord)}. ");
                }

                await writer.StartRowAsync();
                await writer.WriteAsync(document.VersionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(document.Case.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(text.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(document.Pages, NpgsqlDbType.Integer);
                written += document.Pages;
                if (written - reported >= PageCount / 10)
                {
                    reported = written;
                    Progress(clock, $"{written:N0} av {PageCount:N0} sidor text");
                }
            }

            await writer.CompleteAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static void Progress(Stopwatch clock, string what) => Console.WriteLine($"  [{clock.Elapsed:mm\\:ss}] {what}");
}
