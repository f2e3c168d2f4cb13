using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Meetings;

/// <summary>The case picker: the meeting's organ's cases in "Klart för beslut" whose number or title holds the text, not already on this agenda.</summary>
public sealed record SearchReadyCases(Guid MeetingId, string? Text);

public sealed record ReadyCase(Guid Id, string Number, string Title)
{
    public string Label => $"{Number} {Title}";
}

public sealed class SearchReadyCasesHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public const int MaxResults = 20;

    public async Task<Result<IReadOnlyList<ReadyCase>>> HandleAsync(SearchReadyCases request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(request.MeetingId, track: false, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        if (!grants.CanEdit(meeting))
        {
            return Error.Forbidden();
        }

        var onAgenda = meeting.Items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).ToList();
        var query = db.Cases.AsNoTracking()
            .Where(c => c.OrganId == meeting.OrganId && c.Status == CaseStatus.KlartForBeslut && !onAgenda.Contains(c.Id));
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var pattern = "%" + request.Text.Trim().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311, CA1862 // Translated to PostgreSQL's lower(); no .NET culture is involved.
            query = query.Where(c => EF.Functions.Like(c.Number.ToLower(), pattern) || EF.Functions.Like(c.Title.ToLower(), pattern));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var rows = await query.OrderBy(c => c.Year).ThenBy(c => c.Sequence).Take(MaxResults)
            .Select(c => new ReadyCase(c.Id, c.Number, c.Title))
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ReadyCase>>.Ok(rows);
    }
}
