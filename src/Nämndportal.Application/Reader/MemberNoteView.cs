using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>A note as the reader shows it.</summary>
/// <param name="VersionNumber">The number of the handling's version the note stands on (null for a note on the item or the tjänsteskrivelse).</param>
/// <param name="IsMine">Written by the signed-in user; otherwise shared with them (read only) by <paramref name="AuthorName"/>.</param>
/// <param name="SharedWith">Whom the author shares it with (only filled for the author).</param>
/// <param name="Version">The row version to save a change against.</param>
public sealed record MemberNoteView(
    Guid Id, Guid MeetingId, Guid AgendaItemId, Guid? CaseDocumentId, Guid? DocumentVersionId, int? VersionNumber, bool OnOfficerReport,
    int? Page, string? Quote, string Text, NoteAnchorState AnchorState, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version,
    bool IsMine, string? AuthorName, IReadOnlyList<NoteShareView> SharedWith)
{
    /// <summary>The Swedish line the reader shows beside a note that did not stay where it was made.</summary>
    public string? AnchorText => AnchorState switch
    {
        NoteAnchorState.OnPage => null,
        NoteAnchorState.Moved => $"Flyttad till version {VersionNumber}, sida {Page}",
        NoteAnchorState.DocumentChanged => "Dokumentet har ändrats sedan anteckningen",
        _ => throw new ArgumentOutOfRangeException(nameof(AnchorState), AnchorState, null),
    };
}

public sealed record NoteShareView(Guid UserId, string Name, DateTimeOffset SharedAt);

internal static class MemberNoteViews
{
    /// <summary>Members are named as the roster names them (the person), a login without a person by its display name.</summary>
    public static async Task<Dictionary<Guid, string>> MemberNamesAsync(
        this IAppDbContext db, IUserDirectory users, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var persons = await db.Persons.AsNoTracking().Where(p => p.UserId != null && userIds.Contains(p.UserId.Value))
            .Select(p => new { UserId = p.UserId!.Value, p.FirstName, p.LastName }).ToListAsync(cancellationToken);
        var names = persons.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => $"{g.First().FirstName} {g.First().LastName}");
        var rest = userIds.Where(id => !names.ContainsKey(id)).ToList();
        if (rest.Count > 0)
        {
            foreach (var (id, name) in await users.DisplayNamesAsync(rest, cancellationToken))
            {
                names[id] = name;
            }
        }

        return names;
    }

    /// <summary>Views of <paramref name="notes"/> for user <paramref name="me"/>: version numbers, and the shares of their own notes or the author of another's.</summary>
    public static async Task<List<MemberNoteView>> ViewsAsync(
        this IAppDbContext db, IUserDirectory users, Guid me, IReadOnlyCollection<MemberNote> notes, CancellationToken cancellationToken)
    {
        var versionIds = notes.Where(n => n.DocumentVersionId is not null).Select(n => n.DocumentVersionId!.Value).Distinct().ToList();
        var numbers = await db.DocumentVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
        var mine = notes.Where(n => n.AuthorUserId == me).Select(n => n.Id).ToList();
        var shares = await db.NoteShares.AsNoTracking().Where(s => mine.Contains(s.NoteId)).ToListAsync(cancellationToken);
        var people = shares.Select(s => s.SharedWithUserId).Concat(notes.Where(n => n.AuthorUserId != me).Select(n => n.AuthorUserId)).Distinct().ToList();
        var names = await db.MemberNamesAsync(users, people, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var name) ? name : "(okänd användare)";

        return notes.Select(n => new MemberNoteView(
                n.Id, n.MeetingId, n.AgendaItemId, n.CaseDocumentId, n.DocumentVersionId,
                n.DocumentVersionId is { } v && numbers.TryGetValue(v, out var number) ? number : null,
                n.OnOfficerReport, n.Page, n.Quote, n.Text, n.AnchorState, n.CreatedAt, n.UpdatedAt, n.Version,
                n.AuthorUserId == me,
                n.AuthorUserId == me ? null : Name(n.AuthorUserId),
                n.AuthorUserId == me
                    ? shares.Where(s => s.NoteId == n.Id).OrderBy(s => s.SharedAt).Select(s => new NoteShareView(s.SharedWithUserId, Name(s.SharedWithUserId), s.SharedAt)).ToList()
                    : []))
            .ToList();
    }
}
