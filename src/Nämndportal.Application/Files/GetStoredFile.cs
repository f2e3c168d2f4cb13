using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Application.Files;

/// <summary>A produced file for download: only its owner or an administrator gets it.</summary>
public sealed class GetStoredFileHandler(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<Result<StoredFile>> HandleAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null || !(user.IsInRole(Roles.Administrator) || (user.UserId is { } id && file.OwnerUserId == id)))
        {
            return Error.NotFound("Filen");
        }

        return Result<StoredFile>.Ok(file);
    }
}
