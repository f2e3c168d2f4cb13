using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;

namespace Nämndportal.Application.Delegation;

/// <summary>An organ the user may open the register of: to read it, to register in it, or as a delegate of their own decisions.</summary>
public sealed record DelegationOrganOption(Guid Id, string Name, bool CanRegister, bool OwnOnly, bool RegistersOwn = false);

/// <summary>Search and filter of the register. <see cref="Reported"/>: true for anmälda, false for those not yet.</summary>
public sealed record DecisionFilter(Guid OrganId, string? Text = null, string? Delegate = null, DateOnly? From = null, DateOnly? To = null, bool? Reported = null, int Page = 1, int PageSize = 50);

/// <summary>One decision as the register lists it. An individual case shows its description and case number only to those who register.</summary>
public sealed record DecisionListRow(
    Guid Id, uint Version, string Number, string Delegate, string DelegateName, string? Point, DateOnly DecidedOn, string? CaseNumber, string Description,
    bool Appealable, bool IndividualCase, bool Urgent, string Status, Guid? PostingId, bool CanAnnounce, string? Outcome = null, Guid? DocumentFileId = null,
    bool CanAttach = false);

/// <summary>A point as the grid offers it: its code, matter and the roles that decide under it.</summary>
public sealed record PointOption(string Code, string Matter, IReadOnlyList<string> Delegates, bool MustReport);

public sealed record DecisionList(
    IReadOnlyList<DelegationOrganOption> Organs, Guid? OrganId, IReadOnlyList<DecisionListRow> Rows, int Total, IReadOnlyList<PointOption> Points,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Names, bool CanRegister, bool OwnOnly, bool RegistersOwn = false);

public enum DecisionExportFormat
{
    Csv,
    Excel,
}

/// <summary>
/// The register of delegationsbeslut for one organ: search, filter and page; the points and names the grid offers; and the
/// export (CSV, Excel) of what the filter finds. Registrators and the organ's secretary see everything; the organ's members
/// and officials read it (individual cases without description and case number); a delegate sees their own decisions.
/// </summary>
public sealed class ListDelegatedDecisionsHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public const string IndividualCaseText = "Enskilt individärende";

    public async Task<DecisionList> HandleAsync(DecisionFilter? filter, CancellationToken cancellationToken = default)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = await OrgansAsync(db, grants, cancellationToken);
        // Without a choice: the first organ the user registers in that has a delegationsordning (a delegate: where their own
        // decisions are), else the first they register in, else the first.
        var withScheme = await db.DelegationSchemes.AsNoTracking().Select(s => s.OrganId).Distinct().ToListAsync(cancellationToken);
        var organ = organs.FirstOrDefault(o => o.Id == filter?.OrganId)
            ?? organs.FirstOrDefault(o => (o.CanRegister || o.RegistersOwn) && withScheme.Contains(o.Id))
            ?? organs.FirstOrDefault(o => o.CanRegister || o.RegistersOwn)
            ?? organs.FirstOrDefault();
        if (organ is null)
        {
            return new DecisionList(organs, null, [], 0, [], [], [], false, false);
        }

        var (query, canRegister) = Scope(db, grants, organ);
        query = Filtered(query, filter, canRegister);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter?.Page ?? 1);
        var size = Math.Clamp(filter?.PageSize ?? 50, 1, 500);
        var decisions = await query.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Number).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var register = await DelegationRegister.LoadAsync(db, organ.Id, cancellationToken);
        var scheme = register?.SchemeOn(today);
        var points = scheme?.Points.Select(p => new PointOption(p.Code, p.Matter, p.Delegates.Concat(p.Substitutes).Select(d => d.Name).Distinct().ToList(), p.MustReport)).ToList() ?? [];
        var roles = points.SelectMany(p => p.Delegates).Concat(register?.Onward.Where(o => o.IsValidOn(today)).Select(o => o.ToTitle) ?? []).Distinct().Order(StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true)).ToList();
        var names = register?.Holders.Where(h => h.IsValidOn(today)).Select(h => h.Name).Distinct().Order().ToList() ?? [];
        return new DecisionList(organs, organ.Id, decisions.Select(d => Row(d, canRegister, user.UserId)).ToList(), total, points, roles, names, canRegister, organ.OwnOnly, organ.RegistersOwn);
    }

    /// <summary>The filter's decisions as a file (no paging), with the same hiding of individual cases as the page.</summary>
    public async Task<Result<ExportedFile>> ExportAsync(DecisionFilter filter, DecisionExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organ = (await OrgansAsync(db, grants, cancellationToken)).FirstOrDefault(o => o.Id == filter.OrganId);
        if (organ is null)
        {
            return Error.NotFound("Organet");
        }

        var (query, canRegister) = Scope(db, grants, organ);
        var rows = (await Filtered(query, filter, canRegister).OrderBy(d => d.DecidedOn).ThenBy(d => d.Number).Take(20_000).ToListAsync(cancellationToken))
            .Select(d => Row(d, canRegister, user.UserId)).ToList();
        var name = $"delegationsbeslut-{SwedishTime.LocalDate(clock.GetUtcNow()):yyyy-MM-dd}";
        var table = rows.Select(r => new Dictionary<string, object?>
        {
            ["Nummer"] = r.Number,
            ["Beslutsdatum"] = r.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Delegat"] = SpreadsheetText.Safe(r.Delegate),
            ["Beslutsfattare"] = SpreadsheetText.Safe(r.DelegateName),
            ["Punkt"] = r.Point,
            ["Diarienummer"] = r.CaseNumber is null ? null : SpreadsheetText.Safe(r.CaseNumber),
            ["Beskrivning"] = SpreadsheetText.Safe(r.Description),
            ["Utfall"] = r.Outcome is null ? null : SpreadsheetText.Safe(r.Outcome),
            ["Överklagbart"] = r.Appealable ? "ja" : "nej",
            ["Individärende"] = r.IndividualCase ? "ja" : "nej",
            ["Brådskande"] = r.Urgent ? "ja" : "nej",
            ["Status"] = r.Status,
        }).ToList();
        if (format == DecisionExportFormat.Excel)
        {
            using var stream = new MemoryStream();
            await stream.SaveAsAsync(table, sheetName: "Delegationsbeslut", cancellationToken: cancellationToken);
            return Result<ExportedFile>.Ok(new ExportedFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream.ToArray()));
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var column in table.Count > 0 ? table[0].Keys.ToList() : ["Nummer"])
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
            foreach (var row in table)
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value?.ToString() ?? string.Empty);
                }

                await csv.NextRecordAsync();
            }
        }

        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Result<ExportedFile>.Ok(new ExportedFile(name + ".csv", "text/csv; charset=utf-8", bytes));
    }

    private async Task<List<DelegationOrganOption>> OrgansAsync(IAppDbContext db, AccessSnapshot grants, CancellationToken cancellationToken)
    {
        var all = await db.Organs.AsNoTracking().Where(o => o.Kind != Domain.Organisation.OrganKind.Utskott).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var own = user.UserId is { } me
            ? await db.PositionHolders.AsNoTracking().Where(h => h.UserId == me).Select(h => h.OrganId).Distinct().ToListAsync(cancellationToken)
            : [];
        return all
            .Select(o => (Organ: o, Register: grants.Can(Operation.RegisterDelegatedDecisions, o.Id), Read: grants.Can(Operation.ReadDelegatedDecisions, o.Id), Own: own.Contains(o.Id)))
            .Where(x => x.Register || x.Read || x.Own)
            .Select(x => new DelegationOrganOption(x.Organ.Id, x.Organ.Name, x.Register, !x.Register && !x.Read, x.Own))
            .ToList();
    }

    private (IQueryable<DelegatedDecision> Query, bool CanRegister) Scope(IAppDbContext db, AccessSnapshot grants, DelegationOrganOption organ)
    {
        var query = db.DelegatedDecisions.AsNoTracking().Where(d => d.OrganId == organ.Id);
        if (organ.OwnOnly)
        {
            var me = user.UserId;
            query = query.Where(d => d.DelegateUserId == me);
        }

        return (query, organ.CanRegister && grants.Can(Operation.RegisterDelegatedDecisions, organ.Id));
    }

    /// <summary>The filter; the free-text search reaches an individual case's description, case number and name only for those who register.</summary>
    private static IQueryable<DelegatedDecision> Filtered(IQueryable<DelegatedDecision> query, DecisionFilter? filter, bool canRegister)
    {
        if (filter is null)
        {
            return query;
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLower(CultureInfo.GetCultureInfo("sv-SE"));
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(…) LIKE; the culture is the database's.
            query = query.Where(d => (canRegister || !d.IndividualCase)
                && (d.Description.ToLower().Contains(text) || (d.CaseNumber != null && d.CaseNumber.ToLower().Contains(text)) || d.DelegateName.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.Delegate))
        {
            var role = filter.Delegate.Trim();
            query = query.Where(d => d.DecidedAs.Name == role);
        }

        if (filter.From is { } from)
        {
            query = query.Where(d => d.DecidedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(d => d.DecidedOn <= to);
        }

        if (filter.Reported is { } reported)
        {
            query = reported ? query.Where(d => d.ReportedIn != null) : query.Where(d => d.ReportedIn == null);
        }

        return query;
    }

    /// <summary>The decision document is linked for those who may read it (see GetStoredFile); it is attached until the decision is anmäld.</summary>
    private static DecisionListRow Row(DelegatedDecision d, bool canRegister, Guid? me)
    {
        var own = me is not null && d.DelegateUserId == me;
        var hide = d.IndividualCase && !canRegister && !own;
        var status = d.ReportedIn is { } reported ? reported
            : d.PostingId is not null ? $"anslaget, överklagas från {d.AppealFrom:yyyy-MM-dd}"
            : d.ReportMeetingId is not null ? "på redovisning till nästa sammanträde"
            : d.MustReport ? "ska anmälas" : "anmäls inte";
        return new DecisionListRow(
            d.Id, d.Version, d.DecidedAs.Kind == DelegateKind.Committee ? $"§ {d.Number}/{d.Year}" : d.NumberText, d.DecidedAs.Name, hide ? string.Empty : d.DelegateName, d.PointCode, d.DecidedOn,
            hide ? null : d.CaseNumber, hide ? IndividualCaseText : d.Description, d.Appealable, d.IndividualCase, d.Urgent, status, d.PostingId,
            canRegister && d.Appealable && !d.MustReport && !d.IndividualCase && d.PostingId is null,
            d.Outcome, hide ? null : d.DocumentFileId, (canRegister || own) && d.ReportedIn is null);
    }
}
