using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Domain.Reader;

namespace Nämndportal.Application.Reader;

/// <summary>A user's read state of handlingar: the newest version of each and the version the user last read.</summary>
internal static class ReadStateQueries
{
    /// <summary>Per handling with at least one version: its newest version number and the user's state.</summary>
    public static async Task<Dictionary<Guid, (int CurrentVersion, int? ReadVersion, DocumentReadState State)>> ReadStatesAsync(
        this IAppDbContext db, Guid userId, IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken)
    {
        var ids = documentIds.Distinct().ToList();
        var current = await db.DocumentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId))
            .GroupBy(v => v.DocumentId)
            .Select(g => new { DocumentId = g.Key, Number = g.Max(v => v.Number) })
            .ToDictionaryAsync(x => x.DocumentId, x => x.Number, cancellationToken);
        var read = await db.DocumentReadMarks.AsNoTracking()
            .Where(r => r.UserId == userId && ids.Contains(r.CaseDocumentId))
            .ToDictionaryAsync(r => r.CaseDocumentId, r => r.VersionNumber, cancellationToken);
        return current.ToDictionary(
            c => c.Key,
            c =>
            {
                int? readVersion = read.TryGetValue(c.Key, out var number) ? number : null;
                return (c.Value, readVersion, DocumentReadMark.StateOf(readVersion, c.Value));
            });
    }
}
