using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Common;

namespace Nämndportal.Application.Meetings;

/// <summary>
/// Keeps the cache of printed pack parts (<c>pack_parts</c>) from growing without end: once a day it deletes the parts
/// printed more than <see cref="MaxAge"/> ago. The cache only saves printing: a re-issue that needs a swept part prints
/// it again. A sent kallelse's packs are stored files of their own and are never touched.
/// </summary>
public sealed class SweepPackPartsJob(IAppDbContextFactory dbFactory, TimeProvider clock, ILogger<SweepPackPartsJob> logger)
{
    /// <summary>The recurring job's id in the job engine.</summary>
    public const string RecurringId = "pack-parts-sweep";

    /// <summary>A meeting's kallelse is re-issued within weeks; a part unused for three months belongs to a meeting long held.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(90);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - MaxAge;
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var deleted = await db.PackParts.Where(p => p.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Pack part sweep deleted {Count} parts printed before {Before:O}", deleted, before);
        return deleted;
    }
}
