using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// Imports delegationsbeslut from CSV (CsvHelper; semicolon, comma or tab; UTF-8): a header row naming the columns, then
/// one decision per row. Columns <see cref="Required"/> must be there, <see cref="Optional"/> may be; ja/nej for the
/// flags, ÅÅÅÅ-MM-DD for dates. Every problem in the file is reported with its row and field, and the rows are registered
/// through <see cref="RegisterDelegatedDecisionsHandler"/>: all of them, or none.
/// </summary>
public sealed class ImportDelegatedDecisionsHandler(RegisterDelegatedDecisionsHandler register)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<string> Required { get; } = ["punkt", "delegat", "beslutsdatum", "beskrivning"];

    public static IReadOnlyList<string> Optional { get; } = ["beslutsfattare", "diarienummer", "utfall", "överklagbart", "individärende", "brådskande", "paragraf"];

    public async Task<Result<RegistrationResult>> HandleAsync(Guid organId, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<ImportProblem>();
        var rows = Read(csv, problems);
        if (problems.Count > 0)
        {
            return Result<RegistrationResult>.Ok(new RegistrationResult([], problems));
        }

        return await register.HandleAsync(new RegisterDelegatedDecisions(organId, rows), cancellationToken);
    }

    private static List<DecisionRow> Read(Stream csv, List<ImportProblem> problems)
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
        var columns = string.Join(";", Required.Concat(Optional));
        if (!parser.Read())
        {
            problems.Add(new(1, null, $"filen är tom. Första raden ska vara rubrikerna, till exempel {columns}."));
            return [];
        }

        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = Required.Except(header).ToList();
        var unknown = header.Except(Required).Except(Optional).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || header.Distinct().Count() != header.Length)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("kolumner saknas: " + string.Join(", ", missing));
            }

            if (unknown.Count > 0)
            {
                parts.Add("okända kolumner: " + string.Join(", ", unknown));
            }

            if (header.Distinct().Count() != header.Length)
            {
                parts.Add("en kolumn finns två gånger");
            }

            problems.Add(new(1, null, string.Join("; ", parts) + $". Möjliga kolumner: {columns}."));
            return [];
        }

        var rows = new List<DecisionRow>();
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
                problems.Add(new(line, null, $"raden har {record.Length} fält men rubrikraden {header.Length}."));
                continue;
            }

            var values = header.Zip(record).ToDictionary(p => p.First, p => p.Second.Trim());
            string? Get(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
            bool Flag(string column)
            {
                var value = Get(column)?.ToLowerInvariant();
                if (value is null or "nej" or "n" or "0")
                {
                    return false;
                }

                if (value is "ja" or "j" or "1" or "x")
                {
                    return true;
                }

                problems.Add(new(line, column, $"”{Get(column)}” ska vara ja eller nej."));
                return false;
            }

            rows.Add(new DecisionRow(
                line, Get("punkt"), Get("delegat"), Get("beslutsfattare"), Get("beslutsdatum"), Get("diarienummer"), Get("beskrivning"), Get("utfall"),
                Flag("överklagbart"), Flag("individärende"), Flag("brådskande"), Get("paragraf")));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(2, null, "filen har inga rader under rubrikraden."));
        }

        if (rows.Count > RegisterDelegatedDecisionsHandler.MaxRows)
        {
            problems.Add(new(1, null, $"filen har {rows.Count} rader; högst {RegisterDelegatedDecisionsHandler.MaxRows} importeras åt gången."));
        }

        return rows;
    }
}
