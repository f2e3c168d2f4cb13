using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.AuditTrail;

/// <summary>
/// The audit-trail lines the filter selects (all pages, newest first) as CSV for Swedish Excel: UTF-8 with a
/// byte-order mark, semicolons, and text a spreadsheet would run as a formula written as plain text.
/// </summary>
public sealed class ExportAuditTrailHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<ListAuditTrail> validator, TimeProvider clock)
{
    /// <summary>More lines than this are refused rather than cut off silently: an export either holds the whole selection or nothing.</summary>
    public const int MaxRows = 100_000;

    public static IReadOnlyList<string> Columns { get; } = ["Nr", "Tid", "Användare", "Adress", "Händelse", "Typ av post", "Ärende", "Beskrivning"];

    public async Task<Result<ExportedFile>> HandleAsync(ListAuditTrail request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ViewAuditTrail, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        // Paging is the page's business; the export takes the whole selection.
        request = request with { Page = 1, PageSize = ListAuditTrail.MaxPageSize };
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entries = AuditTrailQuery.Filter(db, request);
        var total = await entries.CountAsync(cancellationToken);
        if (total > MaxRows)
        {
            return Error.Invalid(string.Create(CultureInfo.GetCultureInfo("sv-SE"),
                $"Urvalet har {total:N0} händelser, och en export får ha högst {MaxRows:N0}. Begränsa urvalet, till exempel med datum."));
        }

        using var stream = new MemoryStream();
        // UTF-8 with a byte-order mark, so Excel opens å, ä and ö right.
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
            await foreach (var row in AuditTrailQuery.Rows(db, entries).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.LocalTime);
                csv.WriteField(SpreadsheetText.Safe(row.UserName));
                csv.WriteField(SpreadsheetText.Safe(row.RemoteAddress));
                csv.WriteField(SpreadsheetText.Safe(row.Action));
                csv.WriteField(SpreadsheetText.Safe(row.EntityTypeName));
                csv.WriteField(SpreadsheetText.Safe(row.CaseNumber));
                csv.WriteField(SpreadsheetText.Safe(row.Summary));
                await csv.NextRecordAsync();
            }
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Result<ExportedFile>.Ok(new ExportedFile($"handelselogg-{today}.csv", "text/csv; charset=utf-8", stream.ToArray()));
    }
}
