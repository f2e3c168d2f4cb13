using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence;

/// <summary>Applies the committed migrations and makes sure the reference data every installation has exists: the roles and the national parties.</summary>
public sealed class DatabaseInitializer(AppDbContext db, RoleManager<IdentityRole<Guid>> roles, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // EF Core reads the applied migrations before it creates its history table, and on an empty database it
        // logs that failed query as an error. Creating the table first (EF's own DDL, IF NOT EXISTS) keeps a
        // first run's log free of error lines, so a real error there stands out.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        var existing = await db.Parties.Select(p => p.Abbreviation).ToListAsync(cancellationToken);
        db.Parties.AddRange(Party.National().Where(p => !existing.Contains(p.Abbreviation)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
