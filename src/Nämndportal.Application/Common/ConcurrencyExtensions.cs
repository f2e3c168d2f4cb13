using Microsoft.EntityFrameworkCore;
using Nämndportal.Domain.Common;

namespace Nämndportal.Application.Common;

public static class ConcurrencyExtensions
{
    /// <summary>Saves only if the row still has the version the user's form was loaded with (PostgreSQL's xmin).</summary>
    public static void SetOriginalVersion<T>(this IAppDbContext db, T entity, uint version)
        where T : Entity, IConcurrencyVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
    }

    /// <summary>Saves, or, when someone else saved the record first, tells who and when and keeps their change.</summary>
    public static async Task<Result<TValue>> SaveOrConflictAsync<TValue>(this IAppDbContext db, Entity entity, TValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<TValue>.Ok(value);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.Count > 0 ? ex.Entries[0] : db.Entry(entity);
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            return Error.Conflict(
                current?.GetValue<string?>(nameof(Entity.ModifiedBy)) ?? current?.GetValue<string?>(nameof(Entity.CreatedBy)),
                current?.GetValue<DateTimeOffset?>(nameof(Entity.ModifiedAt)));
        }
        catch (DbUpdateException)
        {
            // A unique key taken a moment ago by someone else (the checks before the save cannot see it coming).
            return Error.Invalid("Uppgifterna krockar med något som någon annan just har sparat. Ladda om sidan och försök igen.");
        }
    }
}
