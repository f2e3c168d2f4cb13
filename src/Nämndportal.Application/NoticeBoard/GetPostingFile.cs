using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.NoticeBoard;

/// <summary>The public file of one notice (<c>/anslagstavla/{id}/fil</c>), for anyone, without login.</summary>
public sealed record GetPostingFile(Guid PostingId);

public sealed record PublicPostingFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The anonymous surface's only file: the file the notice itself names, only while the notice is up (not before, not after
/// its last day, not once replaced), and only if the file is marked as holding no secret material. No other produced file
/// is reachable this way, whatever id is asked for; everything else answers as unknown.
/// </summary>
public sealed class GetPostingFileHandler(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task<Result<PublicPostingFile>> HandleAsync(GetPostingFile request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = SwedishTime.LocalDate(clock.GetUtcNow());
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var posting = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PostingId, cancellationToken);
        if (posting is null || !posting.IsUpOn(today) || posting.PublicFileId is not { } fileId)
        {
            return Error.NotFound("Filen");
        }

        var file = await db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == fileId && !f.ContainsSecret)
            .Select(f => new PublicPostingFile(f.FileName, f.ContentType, f.Content))
            .SingleOrDefaultAsync(cancellationToken);
        return file is null ? Error.NotFound("Filen") : Result<PublicPostingFile>.Ok(file);
    }
}
