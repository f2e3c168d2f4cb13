using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Minutes;

namespace Nämndportal.Application.Minutes;

/// <summary>
/// The protokoll use cases' shared steps: load a protokoll with its §§, check who may see and write it, and save a change
/// through it with the version the page holds, so a stale save is refused naming who saved first.
/// </summary>
internal static class MinutesEditing
{
    public static async Task<MeetingMinutes?> LoadMinutesAsync(this IAppDbContext db, Guid minutesId, bool track, CancellationToken cancellationToken)
    {
        var minutes = track ? db.MeetingMinutes : db.MeetingMinutes.AsNoTracking();
        return await minutes.Include("_sections").SingleOrDefaultAsync(m => m.Id == minutesId, cancellationToken);
    }

    /// <summary>
    /// Reading the protokoll before it is justerat: the organ's members on the meeting's date (they were there, and sign it),
    /// and those who write it. Once justerat, the same (the public reads the public version on the anslagstavla).
    /// </summary>
    public static bool CanView(this AccessSnapshot grants, MeetingMinutes minutes) =>
        grants.Can(Operation.ReadHandlingar, minutes.OrganId, minutes.MeetingDate) || grants.CanWrite(minutes);

    /// <summary>Writing the protokoll: the organ's nämndsekreterare, or an administrator.</summary>
    public static bool CanWrite(this AccessSnapshot grants, MeetingMinutes minutes) => grants.Can(Operation.ManageOrgan, minutes.OrganId);

    /// <summary>
    /// Loads the protokoll, runs <paramref name="change"/> on it and saves everything in one transaction, provided the
    /// protokoll still has <paramref name="version"/>. Returns the new version.
    /// </summary>
    public static async Task<Result<uint>> EditAsync(
        IAppDbContextFactory dbFactory, AccessService access, Guid minutesId, uint version,
        Func<IAppDbContext, MeetingMinutes, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var grants = await access.SnapshotAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var minutes = await db.LoadMinutesAsync(minutesId, track: true, cancellationToken);
        if (minutes is null || !grants.CanView(minutes))
        {
            return Error.NotFound("Protokollet");
        }

        if (!grants.CanWrite(minutes))
        {
            return Error.Forbidden();
        }

        db.SetOriginalVersion(minutes, version);
        try
        {
            if (await change(db, minutes) is { } error)
            {
                return error;
            }
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }

        var saved = await db.SaveOrConflictAsync(minutes, 0u, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Error!;
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<uint>.Ok(minutes.Version);
    }
}
