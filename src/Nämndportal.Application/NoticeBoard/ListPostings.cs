using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.NoticeBoard;

namespace Nämndportal.Application.NoticeBoard;

/// <summary>The anslagstavla's notices: those up today, or (<paramref name="Earlier"/>) the history, newest first, a page at a time.</summary>
public sealed record ListPostings(bool Earlier = false, int Page = 1, int PageSize = ListPostings.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
}

public sealed record PostingSummary(
    Guid Id, PostingKind Kind, string Title, string OrganName, DateTimeOffset? MeetingStartsAt, DateTimeOffset? MeetingEndsAt,
    string? Place, DateOnly UpOn, DateOnly DownOn, bool Replaced);

public sealed record PostingPage(IReadOnlyList<PostingSummary> Items, int Total, int Page, int PageSize, DateOnly Today)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Public: no login and no access check, everything on the board is public. "Today" is the Stockholm date: a notice is
/// up from its <see cref="Posting.UpOn"/> through its <see cref="Posting.DownOn"/>, unless a re-issue replaced it. A
/// posting whose day has not yet come is not shown at all.
/// </summary>
public sealed class ListPostingsHandler(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<PostingPage> HandleAsync(ListPostings request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(request.Page, 1);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var published = db.Postings.AsNoTracking().Where(p => p.UpOn <= today);
        IQueryable<Posting> query = request.Earlier
            ? published.Where(p => p.DownOn < today || p.ReplacedAt != null || p.TakenDownAt != null)
                .OrderByDescending(p => p.UpOn).ThenByDescending(p => p.PublishedAt)
            : published.Where(p => p.DownOn >= today && p.ReplacedAt == null && p.TakenDownAt == null)
                .OrderBy(p => p.MeetingStartsAt).ThenByDescending(p => p.UpOn).ThenBy(p => p.Title);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PostingSummary(
                p.Id, p.Kind, p.Title, p.OrganName, p.MeetingStartsAt, p.MeetingEndsAt, p.Place, p.UpOn, p.DownOn, p.ReplacedAt != null))
            .ToListAsync(cancellationToken);
        return new PostingPage(items, total, page, pageSize, today);
    }
}
