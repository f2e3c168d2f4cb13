using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.AuditTrail;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Search;

/// <summary>
/// Search the cases the user may read: Swedish full text over case numbers and titles, tjänsteskrivelser,
/// handlingar (description, sender or recipient) and the text of their files, and trigram matching for case numbers,
/// titles and names. With no words, the filters alone list cases, newest first.
/// </summary>
public sealed record SearchCases
{
    public const int MaxQueryLength = 200;
    public const int DefaultPageSize = 20;

    public string? Query { get; set; }
    public Guid? OrganId { get; set; }
    public CaseStatus? Status { get; set; }
    public int? Year { get; set; }
    public Guid? CaseOfficerUserId { get; set; }

    /// <summary>1 for the first page.</summary>
    public int Page { get; set; } = 1;

    public int PageSize { get; set; } = DefaultPageSize;
}

/// <summary>Where in a case the words were found (the first of these that holds them).</summary>
public enum CaseSearchMatch
{
    /// <summary>No words were given: the case is listed by the filters.</summary>
    None,

    /// <summary>The case number or the ärendemening.</summary>
    Case,

    /// <summary>The tjänsteskrivelse.</summary>
    OfficerReport,

    /// <summary>A handling's description or its sender or recipient.</summary>
    Handling,

    /// <summary>The text of a handling's file.</summary>
    DocumentText,
}

/// <summary>
/// One case found. <see cref="TitleSnippet"/> and <see cref="Snippet"/> mark the matched words with
/// <see cref="SearchSnippet.MatchStart"/> and <see cref="SearchSnippet.MatchEnd"/>; show them with <see cref="SearchSnippet.ToHtml"/>.
/// </summary>
public sealed record CaseSearchHit(
    Guid CaseId,
    string Number,
    string Title,
    string OrganShortName,
    CaseStatus Status,
    int Year,
    DateOnly RegisteredOn,
    string? OfficerName,
    CaseSearchMatch MatchedIn,
    int? HandlingOrdinal,
    string? HandlingDescription,
    string TitleSnippet,
    string? Snippet,
    Guid? HandlingId = null,
    bool HandlingIsSecret = false);

public sealed record CaseSearchResult(IReadOnlyList<CaseSearchHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public sealed class SearchCasesValidator : AbstractValidator<SearchCases>
{
    public SearchCasesValidator()
    {
        RuleFor(x => x.Query).MaximumLength(SearchCases.MaxQueryLength)
            .WithMessage($"Sökningen får vara högst {SearchCases.MaxQueryLength} tecken lång.");
        RuleFor(x => x.Query).Must(q => string.IsNullOrWhiteSpace(q) || q.Any(char.IsLetterOrDigit))
            .WithMessage("Skriv minst en bokstav eller siffra att söka på.");
        RuleFor(x => x.Year).InclusiveBetween(1900, 2200).When(x => x.Year is not null).WithMessage("Ange ett årtal, till exempel 2024.");
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null).WithMessage("Okänd status.");
        RuleFor(x => x.Page).InclusiveBetween(1, 10_000).WithMessage("Sidan finns inte.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100).WithMessage("Visa mellan 1 och 100 träffar per sida.");
    }
}

public sealed class SearchCasesHandler(
    IAppDbContextFactory dbFactory, AccessService access, ICaseSearch search, IValidator<SearchCases> validator, AuditTrailRecorder auditTrail)
{
    public async Task<Result<CaseSearchResult>> HandleAsync(SearchCases request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        var grants = await access.SnapshotAsync(cancellationToken);
        if (grants.UserId is not { } userId)
        {
            return Error.Forbidden();
        }

        List<Guid> organIds;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            organIds = await db.Organs.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var readable = organIds.Where(id => grants.Can(Operation.ReadCase, id)).ToList();
        var empty = Result<CaseSearchResult>.Ok(new CaseSearchResult([], 0, request.Page, request.PageSize));
        // An organ one may not read gives the same empty answer as one without cases: nothing is revealed.
        if (readable.Count == 0 || (request.OrganId is { } organ && !readable.Contains(organ)))
        {
            return empty;
        }

        var secret = readable.Where(id => grants.Can(Operation.ReadSecretDocuments, id)).ToList();
        // The case-level grant: where the user is an attached handläggare, the secret handlingar of the user's own cases.
        var officerOf = readable.Where(id => !secret.Contains(id) && grants.CanReadSecret(id, userId)).ToList();

        var text = Normalise(request.Query);
        var page = await search.SearchAsync(
            new CaseSearchQuery(text, request.OrganId, request.Status, request.Year, request.CaseOfficerUserId, readable, secret, officerOf, userId,
                (request.Page - 1) * request.PageSize, request.PageSize),
            cancellationToken);
        await RecordSecretSnippetsAsync(page.Hits, cancellationToken);
        return Result<CaseSearchResult>.Ok(new CaseSearchResult(page.Hits, page.Total, request.Page, request.PageSize));
    }

    /// <summary>
    /// A snippet quoted from a secret-marked handling (only ever shown to those who may read it) is a read of it, and
    /// is written to the audit trail like opening it (domain rule 22, spårbarhet), before the result is handed out.
    /// </summary>
    private async Task RecordSecretSnippetsAsync(IReadOnlyList<CaseSearchHit> hits, CancellationToken cancellationToken)
    {
        var quoted = hits.Where(h => h is { HandlingIsSecret: true, HandlingId: not null, Snippet: not null }).ToList();
        if (quoted.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ids = quoted.Select(h => h.HandlingId!.Value).ToList();
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var hit in quoted)
        {
            if (documents.TryGetValue(hit.HandlingId!.Value, out var document))
            {
                auditTrail.SecretRead(db, document, hit.Number, null, download: false);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Normalise(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        return string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
