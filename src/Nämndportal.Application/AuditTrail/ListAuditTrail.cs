using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.AuditTrail;

/// <summary>
/// A filtered page of the audit trail, newest first. Dates are Stockholm calendar days, both ends included; the user
/// name and the summary match on any part, case-insensitively; the case number matches a whole diarienummer in any case.
/// </summary>
public sealed record ListAuditTrail
{
    public const int MaxPageSize = 200;

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? UserName { get; init; }

    /// <summary>One of <see cref="AuditActions.All"/>, or empty for every action.</summary>
    public string? Action { get; init; }

    /// <summary>One of <see cref="AuditTrailEntityTypes.Names"/>' keys, or empty for every kind.</summary>
    public string? EntityType { get; init; }

    public string? CaseNumber { get; init; }

    /// <summary>Words to find in the summary.</summary>
    public string? Text { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record AuditTrailRow(
    long Id, DateTimeOffset At, string? UserName, string? RemoteAddress, string Action, string EntityType, Guid? EntityId, Guid? CaseId,
    string? CaseNumber, string Summary)
{
    /// <summary>The time in Stockholm, to the second, as Swedish authorities write it: 2026-11-22 14.05.09.</summary>
    public string LocalTime => SwedishTime.ToLocal(At).ToString("yyyy-MM-dd HH.mm.ss", CultureInfo.InvariantCulture);

    public string EntityTypeName => AuditTrailEntityTypes.Name(EntityType);
}

public sealed record AuditTrailList(IReadOnlyList<AuditTrailRow> Rows, int TotalCount, int Page, int PageSize);

public sealed class ListAuditTrailValidator : AbstractValidator<ListAuditTrail>
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(9998, 12, 31);

    public ListAuditTrailValidator()
    {
        RuleFor(x => x.From).InclusiveBetween(Earliest, Latest).When(x => x.From is not null).WithMessage("Ange ett giltigt från-datum.");
        RuleFor(x => x.To).InclusiveBetween(Earliest, Latest).When(x => x.To is not null).WithMessage("Ange ett giltigt till-datum.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("Till-datumet kan inte vara före från-datumet.");
        RuleFor(x => x.Action).Must(a => string.IsNullOrEmpty(a) || AuditActions.All.Contains(a))
            .WithMessage("Välj en händelse i listan.");
        RuleFor(x => x.EntityType).Must(t => string.IsNullOrEmpty(t) || AuditTrailEntityTypes.Names.ContainsKey(t))
            .WithMessage("Välj en typ av post i listan.");
        RuleFor(x => x.UserName).MaximumLength(256).WithMessage("Användarnamnet får ha högst 256 tecken.");
        RuleFor(x => x.CaseNumber).MaximumLength(60).WithMessage("Diarienumret får ha högst 60 tecken.");
        RuleFor(x => x.Text).MaximumLength(200).WithMessage("Söktexten får ha högst 200 tecken.");
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithMessage("Sidnumret måste vara 1 eller mer.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListAuditTrail.MaxPageSize)
            .WithMessage($"Visa mellan 1 och {ListAuditTrail.MaxPageSize} rader per sida.");
    }
}

/// <summary>The audit trail for the administrators (<see cref="Operation.ViewAuditTrail"/>); anyone else is refused.</summary>
public sealed class ListAuditTrailHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<ListAuditTrail> validator)
{
    public async Task<Result<AuditTrailList>> HandleAsync(ListAuditTrail request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanAsync(Operation.ViewAuditTrail, null, null, cancellationToken))
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entries = AuditTrailQuery.Filter(db, request);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await AuditTrailQuery.Rows(db, entries)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken);
        return Result<AuditTrailList>.Ok(new AuditTrailList(rows, total, request.Page, request.PageSize));
    }
}

/// <summary>The filter shared by the list and the export, so the file holds exactly the lines the page shows.</summary>
internal static class AuditTrailQuery
{
    public static IQueryable<AuditTrailEntry> Filter(IAppDbContext db, ListAuditTrail request)
    {
        var entries = db.AuditTrail.AsNoTracking();
        if (request.From is { } from)
        {
            var start = SwedishTime.FromLocal(from, TimeOnly.MinValue);
            entries = entries.Where(e => e.At >= start);
        }

        if (request.To is { } to)
        {
            // To the start of the next Stockholm day: the whole of the last day is included, whatever its length.
            var end = SwedishTime.FromLocal(to.AddDays(1), TimeOnly.MinValue);
            entries = entries.Where(e => e.At < end);
        }

#pragma warning disable CA1304, CA1311, CA1862 // Translated to PostgreSQL's lower(); no .NET culture is involved.
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var pattern = ContainsPattern(request.UserName);
            entries = entries.Where(e => e.UserName != null && EF.Functions.Like(e.UserName.ToLower(), pattern, Escape));
        }

        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            entries = entries.Where(e => e.Action == request.Action);
        }

        if (!string.IsNullOrWhiteSpace(request.EntityType))
        {
            entries = entries.Where(e => e.EntityType == request.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(request.CaseNumber))
        {
            var number = request.CaseNumber.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.CaseId != null && db.Cases.Any(c => c.Id == e.CaseId && c.Number.ToLower() == number));
        }

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            // Matched on the summary as shown, so a checksum left out cannot be found by searching for it.
            var pattern = ContainsPattern(request.Text);
            var secretVersions = SecretVersionIds(db);
            entries = entries.Where(e => EF.Functions.Like(
                (e.EntityType == VersionType && secretVersions.Contains(e.EntityId) && e.Summary.Contains(" (")
                    ? e.Summary.Substring(0, e.Summary.IndexOf(" ("))
                    : e.Summary).ToLower(),
                pattern, Escape));
        }
#pragma warning restore CA1304, CA1311, CA1862

        return entries;
    }

    /// <summary>
    /// The rows as shown and exported. A line about a version of a handling that is secret-marked now is shown without the
    /// file's size and SHA-256 ("Version 1 av en handling"), also when it was written before the marking: they would let
    /// one confirm a guess of the content.
    /// </summary>
    public static IQueryable<AuditTrailRow> Rows(IAppDbContext db, IQueryable<AuditTrailEntry> entries)
    {
        var secretVersions = SecretVersionIds(db);
        return from e in entries
               join c in db.Cases.AsNoTracking() on e.CaseId equals (Guid?)c.Id into cases
               from c in cases.DefaultIfEmpty()
               orderby e.At descending, e.Id descending
               select new AuditTrailRow(e.Id, e.At, e.UserName, e.RemoteAddress, e.Action, e.EntityType, e.EntityId, e.CaseId,
                   c == null ? null : c.Number,
                   e.EntityType == VersionType && secretVersions.Contains(e.EntityId) && e.Summary.Contains(" (")
                       ? e.Summary.Substring(0, e.Summary.IndexOf(" ("))
                       : e.Summary);
    }

    private const string VersionType = nameof(Domain.Cases.DocumentVersion);

    private static IQueryable<Guid?> SecretVersionIds(IAppDbContext db) =>
        from v in db.DocumentVersions.AsNoTracking()
        join d in db.CaseDocuments.AsNoTracking() on v.DocumentId equals d.Id
        where d.SecrecyProvision != null
        select (Guid?)v.Id;

    private const string Escape = "\\";

    /// <summary>A LIKE pattern finding the text anywhere, with the user's own % and _ taken literally.</summary>
    private static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant()
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
