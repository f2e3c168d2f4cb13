using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>What the agenda in the reader shows of the user's reading: per item the unread and changed handlingar, per handling its state.</summary>
public sealed record GetReadStates(Guid MeetingId);

public sealed record MeetingReadStates(IReadOnlyList<ItemReadState> Items)
{
    public int UnreadCount => Items.SelectMany(i => i.Documents).Where(d => d.State == DocumentReadState.Unread).Select(d => d.CaseDocumentId).Distinct().Count();

    public int ChangedCount => Items.SelectMany(i => i.Documents).Where(d => d.State == DocumentReadState.ChangedSinceRead).Select(d => d.CaseDocumentId).Distinct().Count();
}

public sealed record ItemReadState(Guid AgendaItemId, int UnreadCount, int ChangedCount, IReadOnlyList<DocumentReadStateView> Documents);

/// <param name="ReadVersion">The newest version the user has read; null when none.</param>
public sealed record DocumentReadStateView(Guid CaseDocumentId, int CurrentVersion, int? ReadVersion, DocumentReadState State)
{
    /// <summary>"oläst", "läst", "ändrad sedan du läste".</summary>
    public string Label => State switch
    {
        DocumentReadState.Unread => "oläst",
        DocumentReadState.Read => "läst",
        DocumentReadState.ChangedSinceRead => "ändrad sedan du läste",
        _ => throw new ArgumentOutOfRangeException(nameof(State), State, null),
    };
}

/// <summary>
/// The handlingar each item puts before the members (those with a version; the tjänsteskrivelse has none to follow), as
/// the signed-in user has read them. Secret handlingar count only for those who may read them.
/// </summary>
public sealed class GetReadStatesHandler(IAppDbContextFactory dbFactory, AccessService access)
{
    public async Task<Result<MeetingReadStates>> HandleAsync(GetReadStates request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.ReadableMeetingAsync(grants, request.MeetingId, cancellationToken);
        if (meeting is null || grants.UserId is not { } me)
        {
            return Error.NotFound("Sammanträdet");
        }

        var pairs = await db.ReadableAgendaDocumentsAsync(grants, [meeting], cancellationToken);
        var states = await db.ReadStatesAsync(me, pairs.Select(p => p.DocumentId).ToList(), cancellationToken);
        var items = meeting.Items.Select(item =>
        {
            var documents = pairs.Where(p => p.ItemId == item.Id && states.ContainsKey(p.DocumentId))
                .Select(p => (p.DocumentId, State: states[p.DocumentId]))
                .Select(d => new DocumentReadStateView(d.DocumentId, d.State.CurrentVersion, d.State.ReadVersion, d.State.State))
                .ToList();
            return new ItemReadState(
                item.Id,
                documents.Count(d => d.State == DocumentReadState.Unread),
                documents.Count(d => d.State == DocumentReadState.ChangedSinceRead),
                documents);
        }).ToList();
        return Result<MeetingReadStates>.Ok(new MeetingReadStates(items));
    }
}
