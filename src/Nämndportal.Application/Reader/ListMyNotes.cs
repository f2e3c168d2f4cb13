using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>All the signed-in user's own notes, newest meeting first, optionally those whose text or quote holds <see cref="Search"/>.</summary>
/// <param name="Page">1 for the first page.</param>
public sealed record ListMyNotes(string? Search = null, int Page = 1, int PageSize = 25);

/// <param name="ItemNumber">The item's number on the agenda now (null when the item has been removed since).</param>
/// <param name="DocumentName">"Handling 3" or "Tjänsteskrivelse"; null for a note on the item.</param>
public sealed record MyNoteRow(
    Guid Id, Guid MeetingId, DateOnly MeetingDate, string OrganName, Guid AgendaItemId, int? ItemNumber, string? ItemTitle,
    string? DocumentName, int? Page, string? Quote, string Text, NoteAnchorState AnchorState, DateTimeOffset UpdatedAt, int SharedWithCount);

public sealed record MyNotesPage(IReadOnlyList<MyNoteRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// The user's own notes only, whatever their role: the list is the author's, and shows notes on meetings they can no
/// longer read too (they wrote them). Searched in the database with LIKE, the user's % and _ taken literally.
/// </summary>
public sealed class ListMyNotesHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    private const string Escape = "\\";

    public async Task<MyNotesPage> HandleAsync(ListMyNotes request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 200);
        var grants = await access.SnapshotAsync(cancellationToken);
        if (grants.UserId is not { } me)
        {
            return new MyNotesPage([], 0, page, size);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var notes = db.MemberNotes.AsNoTracking().Where(n => n.AuthorUserId == me);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = ContainsPattern(request.Search);
#pragma warning disable CA1304, CA1311, CA1862 // Translated to PostgreSQL's lower(); no .NET culture is involved.
            notes = notes.Where(n => EF.Functions.Like(n.Text.ToLower(), pattern, Escape)
                                     || (n.Quote != null && EF.Functions.Like(n.Quote.ToLower(), pattern, Escape)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var rows = from n in notes
                   join m in db.Meetings.AsNoTracking() on n.MeetingId equals m.Id
                   join o in db.Organs.AsNoTracking() on m.OrganId equals o.Id
                   join i in db.AgendaItems.AsNoTracking() on n.AgendaItemId equals i.Id into items
                   from i in items.DefaultIfEmpty()
                   join d in db.CaseDocuments.AsNoTracking() on n.CaseDocumentId equals d.Id into documents
                   from d in documents.DefaultIfEmpty()
                   select new
                   {
                       Note = n, m.StartsAt, OrganName = o.Name,
                       ItemNumber = i == null ? (int?)null : i.Position, ItemTitle = i == null ? null : i.Title,
                       DocumentOrdinal = d == null ? (int?)null : d.Ordinal,
                       Shares = db.NoteShares.Count(s => s.NoteId == n.Id),
                   };
        var total = await rows.CountAsync(cancellationToken);
        var found = await rows
            .OrderByDescending(r => r.StartsAt).ThenBy(r => r.ItemNumber).ThenBy(r => r.Note.Page).ThenBy(r => r.Note.CreatedAt)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new MyNotesPage(
            found.Select(r => new MyNoteRow(
                r.Note.Id, r.Note.MeetingId, SwedishTime.LocalDate(r.StartsAt), r.OrganName, r.Note.AgendaItemId, r.ItemNumber, r.ItemTitle,
                r.Note.OnOfficerReport ? "Tjänsteskrivelse" : r.DocumentOrdinal is { } ordinal ? $"Handling {ordinal}" : null,
                r.Note.Page, r.Note.Quote, r.Note.Text, r.Note.AnchorState, r.Note.UpdatedAt, r.Shares)).ToList(),
            total, page, size);
    }

    /// <summary>A LIKE pattern finding the text anywhere, with the user's own % and _ taken literally.</summary>
    private static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant()
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
