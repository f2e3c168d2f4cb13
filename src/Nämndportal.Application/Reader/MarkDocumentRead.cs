using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Meetings;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>The reader showed version <see cref="DocumentVersionId"/> of a handling on the meeting's agenda: the user has read it.</summary>
public sealed record MarkDocumentRead(Guid MeetingId, Guid DocumentVersionId);

/// <summary>
/// Records the read for the signed-in user (one mark per user and handling, holding the newest version read). Only for a
/// handling on the meeting's agenda that the user may read; returns the handling's state afterwards.
/// </summary>
/// <remarks>
/// Every handling a member opens in the reader comes here, 200 members stepping at once included (docs/performance.md,
/// "reader"): so the checks are answered in few round trips, the meeting without its agenda and the handling's facts in
/// one query, and the mark is written without being read first.
/// </remarks>
public sealed class MarkDocumentReadHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<DocumentReadState>> HandleAsync(MarkDocumentRead request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        if (grants.UserId is not { } me)
        {
            return Error.NotFound("Handlingen");
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken);
        if (meeting is null || !grants.CanView(meeting))
        {
            return Error.NotFound("Handlingen");
        }

        var onAgenda = db.AgendaDocumentIds(meeting.Id);
        var found = await (from v in db.DocumentVersions.AsNoTracking()
                           where v.Id == request.DocumentVersionId
                           join d in db.CaseDocuments.AsNoTracking() on v.DocumentId equals d.Id
                           select new
                           {
                               v.DocumentId,
                               v.Number,
                               Secret = d.SecrecyProvision != null,
                               OnAgenda = onAgenda.Contains(v.DocumentId),
                               Newest = db.DocumentVersions.Where(o => o.DocumentId == v.DocumentId).Max(o => o.Number),
                               Read = db.DocumentReadMarks.Where(r => r.UserId == me && r.CaseDocumentId == v.DocumentId).Select(r => (int?)r.VersionNumber).FirstOrDefault(),
                           }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !found.OnAgenda || (found.Secret && !grants.CanReadSecretOn(meeting)))
        {
            return Error.NotFound("Handlingen");
        }

        var now = clock.GetUtcNow();
        if (found.Read is null)
        {
            db.DocumentReadMarks.Add(new DocumentReadMark(me, found.DocumentId, found.Number, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Result<DocumentReadState>.Ok(DocumentReadMark.StateOf(found.Number, found.Newest));
            }
            catch (DbUpdateException)
            {
                // The same handling marked a moment ago from another tab: the unique key kept that mark; it is updated below
                // (by a statement of its own: nothing more is saved through this context).
            }
        }

        // A mark keeps the newest version read (DocumentReadMark.Read), also when an older one is opened again.
        var number = found.Number;
        await db.DocumentReadMarks.Where(r => r.UserId == me && r.CaseDocumentId == found.DocumentId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.VersionNumber, r => r.VersionNumber > number ? r.VersionNumber : number)
                .SetProperty(r => r.ReadAt, now), cancellationToken);
        return Result<DocumentReadState>.Ok(DocumentReadMark.StateOf(Math.Max(found.Read ?? 0, number), found.Newest));
    }
}
