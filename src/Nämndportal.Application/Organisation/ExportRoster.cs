using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

public enum RosterFormat
{
    Csv,
    Excel,
}

public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// An organ's roster on a date as CSV (the same columns the import reads, so a file can go round) or as an Excel
/// workbook with a few more columns.
/// </summary>
public sealed class ExportRosterHandler(GetOrganHandler organs)
{
    public async Task<Result<ExportedFile>> HandleAsync(Guid organId, RosterFormat format, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        // GetOrgan applies the ViewRoster check: no roster is exported that could not be seen on the page.
        var organ = await organs.HandleAsync(organId, on, cancellationToken);
        if (!organ.Succeeded)
        {
            return organ.Error!;
        }

        var details = organ.Value!;
        var rows = details.Roster;
        var baseName = "ledamoter-" + details.ShortName.ToLowerInvariant().Replace(' ', '-');

        switch (format)
        {
            case RosterFormat.Csv:
            {
                await using var text = new StringWriter(CultureInfo.InvariantCulture);
                await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
                {
                    foreach (var column in ImportRosterHandler.Columns)
                    {
                        csv.WriteField(column);
                    }

                    await csv.NextRecordAsync();
                    foreach (var row in rows)
                    {
                        csv.WriteField(Cell(row.Name));
                        csv.WriteField(row.Party ?? string.Empty);
                        csv.WriteField(row.Role.SwedishName().ToLowerInvariant());
                        csv.WriteField(Cell(details.Name));
                        csv.WriteField(row.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        csv.WriteField(row.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
                        csv.WriteField(Cell(row.Email ?? string.Empty));
                        await csv.NextRecordAsync();
                    }
                }

                // A byte-order mark so Excel opens the å, ä and ö right.
                var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
                return Result<ExportedFile>.Ok(new ExportedFile(baseName + ".csv", "text/csv; charset=utf-8", bytes));
            }

            case RosterFormat.Excel:
            {
                var sheet = rows.Select(row => new Dictionary<string, object?>
                {
                    ["Namn"] = Cell(row.Name),
                    ["Parti"] = row.Party,
                    ["Roll"] = row.Role.SwedishName(),
                    ["Organ"] = details.Name,
                    ["Från"] = row.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["Till och med"] = row.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["Inkallelseordning"] = row.CallInOrder,
                    ["Personlig ersättare för"] = row.PersonalSubstituteFor is null ? null : Cell(row.PersonalSubstituteFor),
                    ["Efterträder"] = row.Replaces is null ? null : Cell(row.Replaces),
                    ["E-post"] = row.Email is null ? null : Cell(row.Email),
                }).ToList();
                using var stream = new MemoryStream();
                await stream.SaveAsAsync(sheet, sheetName: "Ledamöter", cancellationToken: cancellationToken);
                return Result<ExportedFile>.Ok(new ExportedFile(baseName + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream.ToArray()));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>Text that a spreadsheet would run as a formula (=, +, -, @) is written as plain text.</summary>
    private static string Cell(string text) => SpreadsheetText.Safe(text);
}
