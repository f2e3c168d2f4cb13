using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Common;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal static class EntityConfigurationExtensions
{
    /// <summary>The columns every entity has: id, and who created and changed it when.</summary>
    public static void ConfigureEntityBase<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.ModifiedBy).HasMaxLength(256);
    }

    /// <summary>PostgreSQL's xmin system column as the concurrency token of a form-edited entity.</summary>
    public static void ConfigureVersion<T>(this EntityTypeBuilder<T> builder)
        where T : Entity, IConcurrencyVersioned
    {
        builder.Property(e => e.Version).IsRowVersion();
    }
}
