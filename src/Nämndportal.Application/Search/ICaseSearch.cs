using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Search;

/// <summary>
/// The search index over cases, tjänsteskrivelser, handlingar and their text (PostgreSQL full text and trigrams,
/// in Infrastructure). It is given what the user may see and must apply it inside the query itself: nothing the
/// user may not see is matched, counted, ranked or quoted.
/// </summary>
public interface ICaseSearch
{
    Task<CaseSearchPage> SearchAsync(CaseSearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>One search, with the grants it runs under.</summary>
/// <param name="Text">The words typed (trimmed, at most 200 characters), or null to list cases by the filters alone.</param>
/// <param name="ReadableOrganIds">Organs whose cases the user may read (ReadCase); nothing outside them is touched.</param>
/// <param name="SecretOrganIds">Organs whose secret-marked handlingar the user may read (ReadSecretDocuments).</param>
/// <param name="OfficerOrganIds">Organs where the user is an attached handläggare: there the secret handlingar of the user's own cases are readable too.</param>
/// <param name="UserId">The user, matched against each case's handläggare for <paramref name="OfficerOrganIds"/>.</param>
public sealed record CaseSearchQuery(
    string? Text,
    Guid? OrganId,
    CaseStatus? Status,
    int? Year,
    Guid? CaseOfficerUserId,
    IReadOnlyCollection<Guid> ReadableOrganIds,
    IReadOnlyCollection<Guid> SecretOrganIds,
    IReadOnlyCollection<Guid> OfficerOrganIds,
    Guid UserId,
    int Offset,
    int Limit);

/// <summary>One page of hits and the number of cases found in all.</summary>
public sealed record CaseSearchPage(IReadOnlyList<CaseSearchHit> Hits, int Total);
