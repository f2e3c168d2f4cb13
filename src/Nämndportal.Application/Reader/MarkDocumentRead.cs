using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>The reader showed version <see cref="DocumentVersionId"/> of a handling on the meeting's agenda: the user has read it.</summary>
public sealed record MarkDocumentRead(Guid MeetingId, Guid DocumentVersionId);

/// <summary>
/// Records the read for the signed-in user (one mark per user and handling, holding the newest version read). Only for a
/// handling on the meeting's agenda that the user may read; returns the handling's state afterwards.
/// </summary>
public sealed class MarkDocumentReadHandler(IAppDbContextFactory dbFactory, AccessService access, TimeProvider clock)
{
    public async Task<Result<DocumentReadState>> HandleAsync(MarkDocumentRead request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var meeting = await db.ReadableMeetingAsync(grants, request.MeetingId, cancellationToken);
        var version = meeting is null ? null : await db.DocumentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.DocumentVersionId, cancellationToken);
        if (meeting is null || version is null || grants.UserId is not { } me
            || !meeting.AgendaDocuments().Any(d => d.DocumentId == version.DocumentId)
            || (await db.CaseDocuments.AnyAsync(d => d.Id == version.DocumentId && d.SecrecyProvision != null, cancellationToken) && !grants.CanReadSecretOn(meeting)))
        {
            return Error.NotFound("Handlingen");
        }

        var now = clock.GetUtcNow();
        var mark = await db.DocumentReadMarks.SingleOrDefaultAsync(r => r.UserId == me && r.CaseDocumentId == version.DocumentId, cancellationToken);
        if (mark is null)
        {
            db.DocumentReadMarks.Add(new DocumentReadMark(me, version.DocumentId, version.Number, now));
        }
        else
        {
            mark.Read(version.Number, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same handling marked a moment ago from another tab: the unique key kept one mark; read again below.
        }

        var states = await db.ReadStatesAsync(me, [version.DocumentId], cancellationToken);
        return Result<DocumentReadState>.Ok(states[version.DocumentId].State);
    }
}
