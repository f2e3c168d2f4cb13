using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Application.Cases;

/// <summary>The case list (diarium view): the cases of the organs the user may read, newest first, with filters.</summary>
public sealed record ListCases
{
    public Guid? OrganId { get; init; }
    public CaseStatus? Status { get; init; }
    public bool MineOnly { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record CaseRow(Guid Id, string Number, string Title, string OrganShortName, CaseStatus Status, DateOnly RegisteredOn, string? CaseOfficer);

public sealed record CaseList(IReadOnlyList<CaseRow> Rows, int Total, IReadOnlyList<Organisation.Lookup> Organs, bool CanRegister);

public sealed class ListCasesHandler(IAppDbContextFactory dbFactory, AccessService access, IUserDirectory users, ICurrentUser user)
{
    public async Task<CaseList> HandleAsync(ListCases request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organs = await db.Organs.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(cancellationToken);
        var readable = organs.Where(o => grants.Can(Operation.ReadCase, o.Id)).ToList();
        var readableIds = readable.Select(o => o.Id).ToList();
        var canRegister = organs.Any(o => grants.Can(Operation.RegisterCase, o.Id));

        var query = db.Cases.AsNoTracking().Where(c => readableIds.Contains(c.OrganId));
        if (request.OrganId is { } organId)
        {
            query = query.Where(c => c.OrganId == organId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (request.MineOnly && user.UserId is { } me)
        {
            query = query.Where(c => c.CaseOfficerUserId == me);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(request.PageSize, 1, 200);
        var page = Math.Max(1, request.Page);
        var cases = await query
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).ThenBy(c => c.Prefix)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cases.Where(c => c.CaseOfficerUserId is not null).Select(c => c.CaseOfficerUserId!.Value).Distinct().ToList(), cancellationToken);
        var shortNames = organs.ToDictionary(o => o.Id, o => o.ShortName);
        return new CaseList(
            cases.Select(c => new CaseRow(c.Id, c.Number, c.Title, shortNames[c.OrganId], c.Status, c.RegisteredOn,
                c.CaseOfficerUserId is { } officer ? names.GetValueOrDefault(officer) : null)).ToList(),
            total,
            readable.Select(o => new Organisation.Lookup(o.Id, o.Name)).ToList(),
            canRegister);
    }
}
