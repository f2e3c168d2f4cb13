using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Organisation;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Delegation;

namespace Nämndportal.Application.Delegation;

/// <summary>
/// One row of the grid or of a CSV file, as typed: the point ("3.2"), the role decided in ("Förvaltningschef",
/// "Ordförande", an utskott's name), who decided, the date (ÅÅÅÅ-MM-DD), case number, description, outcome, and the flags.
/// An utskott's row gives the § of its protokoll.
/// </summary>
public sealed record DecisionRow(
    int Row,
    string? Point,
    string? Delegate,
    string? DelegateName,
    string? DecidedOn,
    string? CaseNumber,
    string? Description,
    string? Outcome = null,
    bool Appealable = false,
    bool IndividualCase = false,
    bool Urgent = false,
    string? Section = null);

public sealed record RegisterDelegatedDecisions(Guid OrganId, IReadOnlyList<DecisionRow> Rows);

/// <summary>The numbers given ("94/2026"), in row order; or every problem with its row and field, and nothing saved.</summary>
public sealed record RegistrationResult(IReadOnlyList<string> Numbers, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Registers delegationsbeslut, from the grid or a CSV file: every row is checked first (rules 18 and 19 and the
/// register's checks: the role held that day, a point valid that day that names it, no future date, no personal details
/// in an individual case), and only when no row has a problem are numbers taken from each delegate's series and all rows
/// saved, in one transaction. The registrators and the organ's secretary register any decision; a delegate registers
/// only their own (rows in a position they held that day).
/// </summary>
public sealed class RegisterDelegatedDecisionsHandler(IAppDbContextFactory dbFactory, AccessService access, ICurrentUser user, TimeProvider clock)
{
    public const int MaxRows = 2000;

    public async Task<Result<RegistrationResult>> HandleAsync(RegisterDelegatedDecisions request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rows.Count == 0)
        {
            return Error.Invalid("Det finns inga beslut att registrera.");
        }

        if (request.Rows.Count > MaxRows)
        {
            return Error.Invalid($"Högst {MaxRows} beslut registreras åt gången.");
        }

        var grants = await access.SnapshotAsync(cancellationToken);
        var registrar = grants.Can(Operation.RegisterDelegatedDecisions, request.OrganId);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var register = await DelegationRegister.LoadAsync(db, request.OrganId, cancellationToken);
        var ownPositions = register?.Holders.Where(h => user.UserId is { } me && h.UserId == me).ToList() ?? [];
        if (register is null || (!registrar && ownPositions.Count == 0))
        {
            return Error.NotFound("Organet");
        }

        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var problems = new List<ImportProblem>();
        var checkedRows = new List<(DecisionRow Row, DecisionEntry Entry, DelegationScheme? Scheme)>();
        foreach (var row in request.Rows)
        {
            var before = problems.Count;
            if (!DateOnly.TryParseExact((row.DecidedOn ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new(row.Row, "beslutsdatum", $"”{row.DecidedOn}” är inte ett datum som ÅÅÅÅ-MM-DD."));
            }

            int? section = null;
            if (!string.IsNullOrWhiteSpace(row.Section))
            {
                if (int.TryParse(row.Section.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0)
                {
                    section = s;
                }
                else
                {
                    problems.Add(new(row.Row, "paragraf", $"”{row.Section}” är inte ett paragrafnummer."));
                }
            }

            DelegateRole? role = null;
            try
            {
                role = register.ParseRole(row.Delegate);
            }
            catch (DomainException ex)
            {
                problems.Add(new(row.Row, "delegat", ex.Message));
            }

            if (problems.Count > before || role is null)
            {
                continue;
            }

            var (held, name, userId) = register.Holder(role, row.DelegateName, date);
            if (string.IsNullOrWhiteSpace(row.DelegateName) && !held && role.Kind != DelegateKind.Committee)
            {
                problems.Add(new(row.Row, "beslutsfattare", $"Ange vem som fattade beslutet; ingen eller flera var {role.Name.ToLowerInvariant()} {date:yyyy-MM-dd}."));
                continue;
            }

            if (!registrar && !(role.Kind == DelegateKind.Position && held && userId == user.UserId))
            {
                problems.Add(new(row.Row, "delegat", "Som delegat registrerar du bara dina egna beslut."));
                continue;
            }

            var entry = new DecisionEntry(
                request.OrganId, row.Point, role, name, userId, date, row.CaseNumber, row.Description ?? string.Empty, row.Outcome,
                row.Appealable, row.IndividualCase, row.Urgent, null, section);
            var scheme = register.SchemeOn(date);
            try
            {
                DelegatedDecision.Check(entry, scheme, register.Onward, held, today);
                checkedRows.Add((row, entry, scheme));
            }
            catch (DomainException ex)
            {
                problems.Add(new(row.Row, Field(ex.Message), ex.Message));
            }
        }

        // An utskott's § is registered once: neither twice in the batch nor again later.
        var sections = checkedRows.Where(r => r.Entry.DecidedAs.Kind == DelegateKind.Committee).ToList();
        foreach (var same in sections.GroupBy(r => (r.Entry.DecidedAs.SeriesKey, r.Entry.DecidedOn.Year, r.Entry.Section)).Where(g => g.Count() > 1))
        {
            problems.Add(new(same.Last().Row.Row, "paragraf", $"§ {same.Key.Section} finns två gånger i registreringen."));
        }

        foreach (var (row, entry, _) in sections)
        {
            if (await db.DelegatedDecisions.AnyAsync(d => d.OrganId == request.OrganId && d.SeriesKey == entry.DecidedAs.SeriesKey
                && d.Year == entry.DecidedOn.Year && d.Number == entry.Section, cancellationToken))
            {
                problems.Add(new(row.Row, "paragraf", $"§ {entry.Section} i {entry.DecidedAs.Name.ToLowerInvariant()}s protokoll {entry.DecidedOn.Year} är redan registrerad."));
            }
        }

        if (problems.Count > 0)
        {
            return Result<RegistrationResult>.Ok(new RegistrationResult([], problems.OrderBy(p => p.Row).ToList()));
        }

        // All rows passed: numbers are taken per series and year in one statement each, inside the transaction.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var next = new Dictionary<(string, int), int>();
        foreach (var group in checkedRows.Where(r => DelegatedDecision.TakesNumber(r.Entry.DecidedAs))
            .GroupBy(r => (r.Entry.DecidedAs.SeriesKey, r.Entry.DecidedOn.Year)))
        {
            var last = await db.TakeNumbersAsync(NumberSeriesKeys.DelegatedDecisions(request.OrganId, group.Key.SeriesKey), group.Key.Year, group.Count(), cancellationToken: cancellationToken);
            next[group.Key] = last - group.Count() + 1;
        }

        var numbers = new List<string>();
        foreach (var (_, entry, scheme) in checkedRows)
        {
            int? number = null;
            if (DelegatedDecision.TakesNumber(entry.DecidedAs))
            {
                var key = (entry.DecidedAs.SeriesKey, entry.DecidedOn.Year);
                number = next[key];
                next[key] = number.Value + 1;
            }

            var decision = DelegatedDecision.Register(entry, scheme, register.Onward, true, today, number);
            db.DelegatedDecisions.Add(decision);
            numbers.Add(decision.DecidedAs.Kind == DelegateKind.Committee ? $"§ {decision.Number}" : decision.NumberText);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same utskott § at the same moment: the unique index refused it; nothing was saved.
            return Result<RegistrationResult>.Ok(new RegistrationResult([], [new ImportProblem(0, "paragraf", "En av utskottets paragrafer registrerades samtidigt av någon annan. Ingenting sparades; ladda om och försök igen.")]));
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<RegistrationResult>.Ok(new RegistrationResult(numbers, []));
    }

    /// <summary>Which column a rule's message is about, for the per-row report.</summary>
    private static string Field(string message) =>
        message.Contains("delegerar inte", StringComparison.Ordinal) ? "delegat"
        : message.StartsWith("Punkt", StringComparison.Ordinal) || message.Contains("delegationspunkten", StringComparison.Ordinal) ? "punkt"
        : message.Contains("framtiden", StringComparison.Ordinal) || message.StartsWith("Ingen fastställd delegationsordning", StringComparison.Ordinal) ? "beslutsdatum"
        : message.StartsWith("Utfall", StringComparison.Ordinal) ? "utfall"
        : message.Contains("personuppgifter", StringComparison.Ordinal) || message.Contains("Beskriv", StringComparison.Ordinal) ? "beskrivning"
        : message.Contains("paragrafen", StringComparison.Ordinal) ? "paragraf"
        : message.Contains(" var inte ", StringComparison.Ordinal) || message.Contains("vem som fattade", StringComparison.Ordinal) ? "beslutsfattare"
        : "delegat";
}
