using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Application.Reader;

/// <summary>
/// The meeting reader (läsläge, <c>/sammantraden/{id}/las</c>): the meeting, its agenda in order and, per item, the
/// handlingar of its pack that the reader may open. Members whose seat is valid on the meeting's date, the organ's
/// officials and those who edit the meeting; anyone else gets the same "finns inte" as for an unknown meeting.
/// </summary>
public sealed record GetMeetingReader(Guid MeetingId);

public sealed record MeetingReaderView(
    Guid Id, Guid OrganId, string OrganName, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Place, MeetingStatus Status,
    IReadOnlyList<ReaderItemView> Items, bool HasMembersPack = false)
{
    /// <summary>Every readable document, item by item, in agenda order: what "next document" steps through.</summary>
    public IReadOnlyList<ReaderDocumentView> AllDocuments => [.. Items.SelectMany(i => i.Documents)];
}

public sealed record ReaderItemView(Guid Id, int Number, AgendaItemKind Kind, string Title, string? CaseNumber, bool IsClosed, IReadOnlyList<ReaderDocumentView> Documents)
{
    public string Label => $"{Number}. {Title}";
}

/// <param name="CaseDocumentId">The handling; null for the item's tjänsteskrivelse.</param>
/// <param name="Url">Where the viewer fetches the PDF; null when it may not be opened here (secret, not yet converted).</param>
/// <param name="Unavailable">Why it cannot be opened, in Swedish, when <paramref name="Url"/> is null.</param>
public sealed record ReaderDocumentView(
    Guid ItemId, Guid? CaseDocumentId, Guid? VersionId, string Title, string? CaseNumber, int? PageCount, bool IsSecret, string? Url, string? Unavailable)
{
    public bool IsOfficerReport => CaseDocumentId is null;

    /// <summary>Whether this is the document <paramref name="other"/> names (the same handling, or the same item's tjänsteskrivelse).</summary>
    public bool IsSameAs(ReaderDocumentView? other) => other is not null && other.ItemId == ItemId && other.CaseDocumentId == CaseDocumentId;
}

public sealed class GetMeetingReaderHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<MeetingReaderView>> HandleAsync(GetMeetingReader request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.LoadMeetingAsync(request.MeetingId, track: false, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Sammanträdet");
        }

        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == meeting.OrganId).Select(o => o.Name).SingleAsync(cancellationToken);
        var date = meeting.LocalDate;
        // Secret handlingar as in the members' pack (docs/security.md, "Kallelse packs"): the members called to the
        // meeting and those who handle the organ's secret matters.
        var readsSecret = grants.CanReadSecretOn(meeting);
        var documentIds = meeting.Items.SelectMany(i => i.Documents).Where(d => d.CaseDocumentId is not null).Select(d => d.CaseDocumentId!.Value).Distinct().ToList();
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var latest = (await db.DocumentVersions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.DocumentId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);

        var items = new List<ReaderItemView>();
        foreach (var item in meeting.Items)
        {
            var views = new List<ReaderDocumentView>();
            foreach (var entry in item.Documents)
            {
                if (entry.CaseDocumentId is null)
                {
                    // The tjänsteskrivelse the item puts in the pack, printed as the pack prints it.
                    views.Add(new ReaderDocumentView(item.Id, null, null, "Tjänsteskrivelse", item.CaseNumber, null, false,
                        ReaderUrls.OfficerReport(meeting.Id, item.Id), null));
                    continue;
                }

                if (!documents.TryGetValue(entry.CaseDocumentId.Value, out var document))
                {
                    continue;
                }

                var version = latest.GetValueOrDefault(document.Id);
                if (document.IsSecret && !readsSecret)
                {
                    views.Add(new ReaderDocumentView(item.Id, document.Id, null, $"Handling {document.Ordinal} (sekretess)", item.CaseNumber, null, true, null,
                        "Handlingen omfattas av sekretess och finns hos nämndsekreteraren."));
                    continue;
                }

                var title = $"Handling {document.Ordinal}: {document.Description}";
                views.Add(version?.ReadablePdfSha256 is null
                    ? new ReaderDocumentView(item.Id, document.Id, version?.Id, title, item.CaseNumber, null, document.IsSecret, null,
                        "Handlingen kan inte visas här ännu: PDF:en av filen saknas.")
                    : new ReaderDocumentView(item.Id, document.Id, version.Id, title, item.CaseNumber, version.PageCount, document.IsSecret,
                        ReaderUrls.Document(meeting.Id, version.Id), null));
            }

            items.Add(new ReaderItemView(item.Id, item.Position, item.Kind, item.Title, item.CaseNumber, item.IsClosed, views));
        }

        // The download of the whole members' pack: once a kallelse has been sent and its pack printed.
        var hasPack = await db.NoticeVersions.AnyAsync(v => v.MeetingId == meeting.Id && (v.MembersPackFileId != null || v.RedactedPackFileId != null), cancellationToken);
        return Result<MeetingReaderView>.Ok(new MeetingReaderView(meeting.Id, meeting.OrganId, organ, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.Status, items, hasPack));
    }
}
